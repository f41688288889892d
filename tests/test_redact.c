/*
 * redact.c: which names are found, the aliases they get and in which
 * order, and how text is replaced (longest name first, an alias never
 * replaced again).  The entries are built in memory.
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "dailylog.h"
#include "diag.h"
#include "entry.h"
#include "lang.h"
#include "redact.h"
#include "check_main.h"

#define N	30

static struct entry e[N];
static struct entry *v[N];
static struct entry_list l;
static struct aliases given;
static struct buf msgs;

static void
setup(void)
{
	memset(&given, 0, sizeof(given));
	l.v = v;
	l.n = 0;
	buf_reset(&msgs);
	diag_sink = &msgs;
}

static void
teardown(void)
{
	diag_sink = NULL;
	for (size_t i = 0; i < l.n; i++)
		entry_free(&e[i]);
	aliases_free(&given);
	buf_free(&msgs);
}

/* Part part of a series with these names; the body mentions them too. */
static struct entry *
add(long part, const char *client, const char *contact, const char *staff,
    const char *body)
{
	struct entry *p = &e[l.n];

	entry_init(p);
	p->date = (struct date){ 2026, 10, 1, 0, 0, false };
	p->id = xstrdup("x");
	p->title = xstrdup("件名");
	p->part = part;
	p->client = client ? xstrdup(client) : NULL;
	p->contact = contact ? xstrdup(contact) : NULL;
	p->staff = staff ? xstrdup(staff) : NULL;
	p->body = body ? xstrdup(body) : NULL;
	v[l.n++] = p;
	return p;
}

static void
give(const char *name, const char *alias)
{
	given.v = xreallocarray(given.v, given.n + 1, sizeof(*given.v));
	given.v[given.n].name = xstrdup(name);
	given.v[given.n].alias = xstrdup(alias);
	given.n++;
}

/* Aliases by kind, in part order, whatever the list's order. */
START_TEST(aliases_in_part_order)
{
	struct entry *late = add(2, "南町運輸", "田島部長", NULL, NULL);
	struct entry *early = add(1, "北浜精機", "村瀬課長", "早川さん",
	    "村瀬課長と早川さんが北浜精機で話し、南町運輸にも連絡した。");

	ck_assert_int_eq(redact_entries(&l, &given, LANG_JA, NULL, 0), 0);
	ck_assert_str_eq(early->client, "A社");
	ck_assert_str_eq(early->contact, "担当者A");
	ck_assert_str_eq(early->staff, "スタッフA");
	ck_assert_str_eq(late->client, "B社");
	ck_assert_str_eq(late->contact, "担当者B");
	ck_assert_str_eq(early->body,
	    "担当者AとスタッフAがA社で話し、B社にも連絡した。");
	/* The list is left in part order. */
	ck_assert_ptr_eq(l.v[0], early);
}
END_TEST

/* The longest name wins; an alias is not read as a name again. */
START_TEST(longest_first_and_once)
{
	/* The second client's alias would be B社: it is a name, so C社. */
	struct entry *a = add(1, "B社", NULL, NULL, NULL);
	struct entry *b = add(2, "B社東京支店", NULL, NULL,
	    "B社東京支店とB社は別です。");

	ck_assert_int_eq(redact_entries(&l, &given, LANG_JA, NULL, 0), 0);
	ck_assert_str_eq(a->client, "A社");
	ck_assert_str_eq(b->client, "C社");
	ck_assert_str_eq(b->body, "C社とA社は別です。");
}
END_TEST

/* The user's mapping first; a name in two fields keeps its first alias. */
START_TEST(given_and_shared)
{
	struct entry *p = add(1, "北浜精機", "Mさん", "Mさん",
	    "Mさんと北浜と北浜精機。");
	char *extra[2] = { xstrdup("北浜精機の件"), NULL };

	give("北浜", "X");
	ck_assert_int_eq(redact_entries(&l, &given, LANG_EN, extra, 2), 0);
	ck_assert_str_eq(p->client, "Company A");
	ck_assert_str_eq(p->contact, "Person A");
	ck_assert_str_eq(p->staff, "Person A");
	ck_assert_str_eq(p->body, "Person AとXとCompany A。");
	ck_assert_str_eq(extra[0], "Company Aの件");
	free(extra[0]);
}
END_TEST

/* After Z: AA, AB; tags, results and next actions too. */
START_TEST(many_names_and_lists)
{
	struct buf name = BUF_INIT;
	struct entry *last = NULL;

	for (long k = 0; k < 28; k++) {
		buf_reset(&name);
		buf_addf(&name, "取引先%ld号", k);
		last = add(k + 1, name.s, NULL, NULL, NULL);
	}
	strlist_add(&last->tags, "取引先27号");
	strlist_add(&last->next, "取引先0号へ電話");
	last->result = xstrdup("取引先1号と合意");
	ck_assert_int_eq(redact_entries(&l, &given, LANG_JA, NULL, 0), 0);
	ck_assert_str_eq(l.v[25]->client, "Z社");
	ck_assert_str_eq(l.v[26]->client, "AA社");
	ck_assert_str_eq(last->client, "AB社");
	ck_assert_str_eq(last->tags.v[0], "AB社");
	ck_assert_str_eq(last->next.v[0], "A社へ電話");
	ck_assert_str_eq(last->result, "B社と合意");
	buf_free(&name);
}
END_TEST

/* A given alias that shows a name would publish it. */
START_TEST(alias_with_a_name_refused)
{
	struct entry *p = add(1, "北浜精機", "村瀬課長", NULL, NULL);

	give("北浜精機", "村瀬課長の会社");
	ck_assert_fails(redact_entries(&l, &given, LANG_JA, NULL, 0),
	    EXIT_DATAERR);
	ck_assert(strstr(buf_str(&msgs), "contains the name '村瀬課長'") != NULL);
	ck_assert_str_eq(p->client, "北浜精機");
}
END_TEST

static Suite *
redact_suite(void)
{
	Suite *su = suite_create("redact");
	TCase *tc = tcase_create("redact");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, aliases_in_part_order);
	tcase_add_test(tc, longest_first_and_once);
	tcase_add_test(tc, given_and_shared);
	tcase_add_test(tc, many_names_and_lists);
	tcase_add_test(tc, alias_with_a_name_refused);
	suite_add_tcase(su, tc);
	return su;
}

CHECK_MAIN(redact_suite)
