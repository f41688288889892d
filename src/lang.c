/* Languages and their words (lang.h). */
#include <stdbool.h>
#include <string.h>

#include "lang.h"

const char *const lang_names[LANG_COUNT] = { "ja", "en" };

static const char *const labels[LANG_COUNT][LB_COUNT] = {
	[LANG_JA] = {
		[LB_DATE] = "日付",
		[LB_CLIENT] = "訪問先",
		[LB_CONTACT] = "面談者",
		[LB_STAFF] = "派遣スタッフ",
		[LB_TAGS] = "タグ",
		[LB_RESULT] = "結果",
		[LB_NEXT] = "次回アクション",
		[LB_CONTENTS] = "目次",
		[LB_LINKS] = "リンク",
		[LB_BULLET] = "・ ",
		[LB_RANGE] = "〜",
		[LB_SERIES_TITLE] = "【%s】",
		[LB_NAV_PREV] = "←前編",
		[LB_NAV_NEXT] = "→続編",
		[LB_NAV_HEADING] = "【続編{n}】",
		[LB_NAV_MISSING] = "（{n}欠番）",
		[LB_NAV_INDEX] = "目次",
	},
	[LANG_EN] = {
		[LB_DATE] = "Date",
		[LB_CLIENT] = "Client",
		[LB_CONTACT] = "Contact",
		[LB_STAFF] = "Staff",
		[LB_TAGS] = "Tags",
		[LB_RESULT] = "Result",
		[LB_NEXT] = "Next",
		[LB_CONTENTS] = "Contents",
		[LB_LINKS] = "Links",
		[LB_BULLET] = "- ",
		[LB_RANGE] = "–",
		[LB_SERIES_TITLE] = "",
		[LB_NAV_PREV] = "← Part {n}",
		[LB_NAV_NEXT] = "Part {n} →",
		[LB_NAV_HEADING] = "Part {n}: ",
		[LB_NAV_MISSING] = "(Part {n} missing)",
		[LB_NAV_INDEX] = "Index",
	},
};

const char *
lang_label(enum lang l, enum label w)
{
	return labels[l][w];
}

const char *
lang_name(enum lang l)
{
	return lang_names[l];
}

bool
lang_parse(const char *s, enum lang *l)
{
	for (int i = 0; i < LANG_COUNT; i++)
		if (strcmp(s, lang_names[i]) == 0) {
			*l = (enum lang)i;
			return true;
		}
	return false;
}
