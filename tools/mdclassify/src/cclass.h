/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The program runs in the C locale: its character classes, as plain
 * comparisons instead of a table lookup through a call per byte.  For the
 * hot paths (lineformat.c, rules.c); include after <ctype.h>.
 */
#ifndef MDC_CCLASS_H
#define MDC_CCLASS_H

#include <ctype.h>

#undef isdigit
#undef isalpha
#undef isalnum
#undef isupper
#define isdigit(c)	((unsigned int)(c) - '0' < 10u)
#define isupper(c)	((unsigned int)(c) - 'A' < 26u)
#define isalpha(c)	(((unsigned int)(c) | 32u) - 'a' < 26u)
#define isalnum(c)	(isalpha(c) || isdigit(c))

#endif
