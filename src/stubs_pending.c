/* Temporary: the rendering commands arrive with issue 3 (this file goes then). */
#include <stdio.h>

#include "dailylog.h"

static int
pending(const char *name)
{
	fprintf(stderr, "dailylog: %s: not built yet\n", name);
	return EXIT_USAGE;
}

int cmd_read(int c, char **v, const struct globals *g) { (void)c; (void)v; (void)g; return pending("read"); }
