/* Exit statuses of the contract (sysexits(3) values), the version, --color. */
#ifndef DL_DAILYLOG_H
#define DL_DAILYLOG_H

#include <stdbool.h>

#define EXIT_NOTFOUND	1	/* a lookup found nothing */
#define EXIT_USAGE	64
#define EXIT_DATAERR	65
#define EXIT_NOINPUT	66
#define EXIT_CANTCREAT	73
#define EXIT_IOERR	74
#define EXIT_TEMPFAIL	75
#define EXIT_SOFTWARE	70	/* a failure nobody reported: a bug */

#define DAILYLOG_VERSION "0.1.0"

enum color_mode { COLOR_AUTO, COLOR_ALWAYS, COLOR_NEVER };

/* Their names, as --color and the color setting take them. */
extern const char *const color_modes[3];

#endif
