/*
 * Each tests/test_*.c is its own Check program: it defines its suite and
 * ends with CHECK_MAIN(suite_function).
 */
#ifndef DL_CHECK_MAIN_H
#define DL_CHECK_MAIN_H

#include <check.h>
#include <stdio.h>
#include <stdlib.h>

/* The temporary directory a test made, and all in it. */
static inline void
remove_tree(const char *dir)
{
	char cmd[128];

	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		fprintf(stderr, "cannot remove %s\n", dir);
}

/*
 * A call that fails with status: it returns -1 after its report, and
 * diag keeps the status (diag.h must be included).
 */
#define ck_assert_fails(call, status) do {				\
	diag_reset();							\
	ck_assert_int_eq((call), -1);					\
	ck_assert_int_eq(diag_status(), (status));			\
} while (0)

#define CHECK_MAIN(make_suite)						\
int main(void);								\
int									\
main(void)								\
{									\
	SRunner *sr = srunner_create(make_suite());			\
	int failed;							\
									\
	srunner_run_all(sr, CK_NORMAL);					\
	failed = srunner_ntests_failed(sr);				\
	srunner_free(sr);						\
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;		\
}

#endif
