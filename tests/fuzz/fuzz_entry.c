/*
 * libFuzzer target: the entry loader (encoding checks, libyaml's events,
 * the node tree, the schema) on arbitrary bytes.  An entry that loads is
 * written back with the emitter and must load again with the same values
 * and types (entry_same: quoting may change): editing never drops or
 * changes what a user wrote.  Run by `make fuzz` (mk/fuzz.mk).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

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

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct buf msgs = BUF_INIT;
	struct entry e;

	if (size > ENTRY_MAX_FILE)
		return 0;
	diag_sink = &msgs;
	entry_init(&e);
	if (entry_load_buf("fuzz.yaml", (const char *)data, size, &e,
	    false) == 0)
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
