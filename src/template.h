/*
 * Entry templates (dailylog(5)): ROOT/templates/NAME.yaml holds the
 * fields a new entry starts from and a skeleton of its body, in the
 * entry format with every key optional but date and part, which a
 * template never gives.  dailylog ships three (share/templates/, built
 * into the binary), which init puts into every new store.
 */
#ifndef DL_TEMPLATE_H
#define DL_TEMPLATE_H

#include <stdbool.h>
#include <stddef.h>

struct entry;
struct strlist;

#define TEMPLATE_DIR	"templates"

/* A template as shipped: its name and the text of its file. */
struct template_file {
	const char	*name;
	const char	*text;
};

extern const struct template_file shipped_templates[];
extern const size_t nshipped_templates;

/*
 * Whether name can name a template: not empty, at most 128 bytes of
 * UTF-8 without control characters, no '/', not beginning with '.'.
 */
bool	template_name_valid(const char *);

/*
 * Template name of the store at root into e, which must be empty: a bad
 * name is 64, a missing template 66 (with the near miss among the
 * store's), a file that does not load 65.  Returns 0 or -1.
 */
int	template_load(const char *root, const char *name, struct entry *);

/* The names of root's templates, sorted: a new list. */
void	template_names(const char *root, struct strlist *);

/*
 * The shipped templates into root/templates/, each as a private file
 * written atomically; one that is there already is left alone.
 */
int	template_install(const char *root);

#endif
