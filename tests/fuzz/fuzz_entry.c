/*
 * libFuzzer target: the entry loader (encoding checks, libyaml's events,
 * the node tree, the schema) on arbitrary bytes.  An entry that loads is
 * written back with the emitter and must load again with the same values
 * and types (entry_same: quoting may change): editing never drops or
 * changes what a user wrote.  The view that check and export read
 * (entry_view_buf, in an arena kept from one input to the next) must
 * give the same answer, the same messages and the same entry.  Run by
 * `make fuzz` (mk/fuzz.mk).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "diag.h"
#include "entry.h"
#include "yaml_write.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

/* Emit e and load the result: it must load, with the same values. */
static void
round_trip(const struct entry *e)
{
	struct buf once = BUF_INIT, twice = BUF_INIT;
	struct entry again;

	entry_to_yaml(e, false, false, &once);
	entry_init(&again);
	if (entry_load_buf("emitted.yaml", once.s, once.len, &again,
	    false) != 0) {
		fprintf(stderr, "emitted entry does not load:\n%s\n%s\n",
		    buf_str(&once), buf_str(diag_sink));
		abort();
	}
	if (!entry_same(e, &again)) {
		entry_to_yaml(&again, false, false, &twice);
		fprintf(stderr, "round trip changed the entry:\n%s\n--\n%s\n",
		    buf_str(&once), buf_str(&twice));
		abort();
	}
	entry_free(&again);
	buf_free(&once);
	buf_free(&twice);
}

/* The view of the same bytes: what the full load said and gave. */
static void
same_view(const uint8_t *data, size_t size, int rc, const struct entry *e,
    const struct buf *msgs)
{
	static struct arena a = ARENA_INIT;
	struct buf vmsgs = BUF_INIT;
	struct entry view;
	int vrc;

	diag_sink = &vmsgs;
	vrc = entry_view_buf("fuzz.yaml", (const char *)data, size, &view, &a);
	diag_sink = NULL;
	if (vrc != rc || vmsgs.len != msgs->len ||
	    (msgs->len > 0 && memcmp(vmsgs.s, msgs->s, msgs->len) != 0)) {
		fprintf(stderr, "view %d, load %d:\n%s--\n%s", vrc, rc,
		    buf_str(&vmsgs), msgs->s != NULL ? msgs->s : "");
		abort();
	}
	if (rc == 0 && !entry_same(e, &view)) {
		fprintf(stderr, "the view is not the entry\n");
		abort();
	}
	buf_free(&vmsgs);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct buf msgs = BUF_INIT;
	struct entry e;
	int rc;

	if (size > ENTRY_MAX_FILE)
		return 0;
	diag_sink = &msgs;
	entry_init(&e);
	rc = entry_load_buf("fuzz.yaml", (const char *)data, size, &e, false);
	same_view(data, size, rc, &e, &msgs);
	diag_sink = &msgs;
	if (rc == 0)
		round_trip(&e);
	entry_free(&e);
	/* The partial mode of add -F takes the other branch of the rules. */
	entry_init(&e);
	(void)entry_load_buf("fuzz.yaml", (const char *)data, size, &e, true);
	entry_free(&e);
	diag_sink = NULL;
	buf_free(&msgs);
	return 0;
}
