/*
 * libFuzzer target: import's readers (a YAML stream, a JSON array, JSON
 * Lines, a jrnl export), all through import_read.  Whatever comes in is
 * either refused with a message or read into entries that each write
 * out as YAML and load back to the same values (entry_same): a reader
 * must never hand on what the loader would refuse.  Run by `make fuzz`.
 */
#include <stdint.h>
#include <stdlib.h>

#include "buf.h"
#include "diag.h"
#include "entry.h"
#include "import.h"
#include "yaml_write.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct buf msgs = BUF_INIT;
	struct entry_list b = { NULL, 0 };

	diag_sink = &msgs;
	if (import_read("fuzz", (const char *)data, size, &b) == 0) {
		for (size_t i = 0; i < b.n; i++) {
			struct buf yaml = BUF_INIT;
			struct entry back;

			entry_to_yaml(b.v[i], false, false, &yaml);
			entry_init(&back);
			if (entry_load_buf("rt", yaml.s, yaml.len, &back,
			    false) != 0 || !entry_same(b.v[i], &back))
				abort();
			entry_free(&back);
			buf_free(&yaml);
		}
		entry_list_free(&b);
	}
	diag_sink = NULL;
	diag_reset();
	buf_free(&msgs);
	return 0;
}
