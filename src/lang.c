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
		[LB_BULLET] = "  • ",
		[LB_RANGE] = "〜",
		[LB_SERIES_TITLE] = "【%s】",
		[LB_NAV_PREV] = "←前編",
		[LB_NAV_NEXT] = "→続編",
		[LB_NAV_HEADING] = "【続編{n}】",
		[LB_NAV_MISSING] = "（{n}欠番）",
		[LB_NAV_INDEX] = "目次",
		[LB_NAV_CURRENT] = "[{n}]",
		[LB_NAV_GAP] = "…",
		[LB_POSITION] = "第%ld回／全%ld回",
		[LB_NAV_TOP] = "連載の各回",
		[LB_NAV_BOTTOM] = "連載の各回（末尾）",
		[LB_INDEX_NAME] = "各回の一覧",
		[LB_ONGOING] = "連載中",
		[LB_COMPLETE] = "完結",
		[LB_DRAFT] = "下書き",
		[LB_FEED] = "フィード（Atom）",
		[LB_ALIAS_CLIENT] = "%s社",
		[LB_ALIAS_CONTACT] = "担当者%s",
		[LB_ALIAS_STAFF] = "スタッフ%s",
		[LB_REPORT_WEEK] = "週報 %04d-W%02d（%s〜%s）",
		[LB_REPORT_MONTH] = "月報 %04d-%02d（%s〜%s）",
		[LB_REPORT_RANGE] = "報告 %s〜%s",
		[LB_REPORT_DAY] = "%s（%s）",
		[LB_REPORT_ONE] = "%zu件: ",
		[LB_REPORT_MANY] = "%zu件: ",
		[LB_REPORT_COUNT] = " %zu件",
		[LB_REPORT_NONE] = "記録なし",
		[LB_NO_CLIENT] = "（訪問先なし）",
		[LB_LIST_SEP] = "、",
		[LB_MON] = "月", [LB_TUE] = "火", [LB_WED] = "水",
		[LB_THU] = "木", [LB_FRI] = "金", [LB_SAT] = "土",
		[LB_SUN] = "日",
		[LB_COMMENT] = "【コメント】",
		[LB_APPROVAL] = "【承認】",
		[LB_NO_AUTHOR] = "（作成者なし）",
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
		[LB_BULLET] = "  • ",
		[LB_RANGE] = "–",
		[LB_SERIES_TITLE] = "",
		[LB_NAV_PREV] = "← Part {n}",
		[LB_NAV_NEXT] = "Part {n} →",
		[LB_NAV_HEADING] = "Part {n}: ",
		[LB_NAV_MISSING] = "(Part {n} missing)",
		[LB_NAV_INDEX] = "Index",
		[LB_NAV_CURRENT] = "[{n}]",
		[LB_NAV_GAP] = "…",
		[LB_POSITION] = "Part %ld of %ld",
		[LB_NAV_TOP] = "Parts of the series",
		[LB_NAV_BOTTOM] = "Parts of the series (end)",
		[LB_INDEX_NAME] = "All parts",
		[LB_ONGOING] = "Ongoing",
		[LB_COMPLETE] = "Complete",
		[LB_DRAFT] = "Draft",
		[LB_FEED] = "Feed (Atom)",
		[LB_ALIAS_CLIENT] = "Company %s",
		[LB_ALIAS_CONTACT] = "Person %s",
		[LB_ALIAS_STAFF] = "Staff %s",
		[LB_REPORT_WEEK] = "Week %04d-W%02d (%s to %s)",
		[LB_REPORT_MONTH] = "Month %04d-%02d (%s to %s)",
		[LB_REPORT_RANGE] = "Report %s to %s",
		[LB_REPORT_DAY] = "%s (%s)",
		[LB_REPORT_ONE] = "%zu entry: ",
		[LB_REPORT_MANY] = "%zu entries: ",
		[LB_REPORT_COUNT] = " %zu",
		[LB_REPORT_NONE] = "No entries.",
		[LB_NO_CLIENT] = "(no client)",
		[LB_LIST_SEP] = ", ",
		[LB_MON] = "Mon", [LB_TUE] = "Tue", [LB_WED] = "Wed",
		[LB_THU] = "Thu", [LB_FRI] = "Fri", [LB_SAT] = "Sat",
		[LB_SUN] = "Sun",
		[LB_COMMENT] = "[Comment] ",
		[LB_APPROVAL] = "[Approved] ",
		[LB_NO_AUTHOR] = "(no author)",
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
