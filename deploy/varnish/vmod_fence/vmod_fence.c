/*
 * Purge fences (see vmod_fence.vcc). One counter and one table of per-key fences behind one mutex: a raise
 * increments the counter and writes it to its keys, a ticket reads the counter, so a fence only ever rises
 * and ticket < fence(key) exactly when the ticket was taken before the raise.
 */
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cache/cache.h"
#include "vcc_fence_if.h"

#define FENCE_BUCKETS 16384
/* At most this many keys (some 20 MB of typical keys, 100 MB at the longest); past it, one floor replaces them all. */
#define FENCE_MAX_KEYS 200000
#define FENCE_MAX_KEY_LENGTH 512

struct fence_entry {
	struct fence_entry *next;
	VCL_INT fence;
	char key[];
};

static pthread_mutex_t fence_mtx = PTHREAD_MUTEX_INITIALIZER;
static struct fence_entry *fence_table[FENCE_BUCKETS];
static VCL_INT fence_counter = 1;
static VCL_INT fence_floor = 0;
static VCL_INT fence_keys = 0;

static uint32_t
fence_hash(const char *key, size_t length)
{
	uint32_t h = 2166136261u;
	size_t i;

	for (i = 0; i < length; i++) {
		h ^= (unsigned char)key[i];
		h *= 16777619u;
	}
	return (h % FENCE_BUCKETS);
}

static int
fence_separator(char c)
{
	return (c == ' ' || c == ',' || c == '\t');
}

/* Calls visit for each key of list; stops early when visit returns nonzero, and returns that. */
static int
fence_each(const char *list, int (*visit)(const char *, size_t, void *), void *state)
{
	const char *p = list, *start;
	int r;

	if (list == NULL)
		return (0);
	while (*p != '\0') {
		while (*p != '\0' && fence_separator(*p))
			p++;
		start = p;
		while (*p != '\0' && !fence_separator(*p))
			p++;
		if (p > start) {
			r = visit(start, (size_t)(p - start), state);
			if (r != 0)
				return (r);
		}
	}
	return (0);
}

static struct fence_entry *
fence_find(const char *key, size_t length, uint32_t bucket)
{
	struct fence_entry *e;

	for (e = fence_table[bucket]; e != NULL; e = e->next)
		if (strncmp(e->key, key, length) == 0 && e->key[length] == '\0')
			return (e);
	return (NULL);
}

static void
fence_clear(void)
{
	struct fence_entry *e, *next;
	int i;

	for (i = 0; i < FENCE_BUCKETS; i++) {
		for (e = fence_table[i]; e != NULL; e = next) {
			next = e->next;
			free(e);
		}
		fence_table[i] = NULL;
	}
	fence_keys = 0;
}

/* Under fence_mtx. */
static int
fence_raise_one(const char *key, size_t length, void *state)
{
	uint32_t bucket;
	struct fence_entry *e;
	VCL_INT *raised = state;

	(*raised)++;
	if (length > FENCE_MAX_KEY_LENGTH || fence_keys >= FENCE_MAX_KEYS) {
		/* A key too long to keep, or a full table: fence everything fetched so far. */
		fence_clear();
		fence_floor = fence_counter;
		return (0);
	}
	bucket = fence_hash(key, length);
	e = fence_find(key, length, bucket);
	if (e == NULL) {
		e = malloc(sizeof *e + length + 1);
		if (e == NULL) {
			fence_clear();
			fence_floor = fence_counter;
			return (0);
		}
		memcpy(e->key, key, length);
		e->key[length] = '\0';
		e->next = fence_table[bucket];
		fence_table[bucket] = e;
		fence_keys++;
	}
	e->fence = fence_counter;
	return (0);
}

struct fence_check {
	VCL_INT ticket;
};

/* Under fence_mtx. Nonzero when the key was raised after the ticket. */
static int
fence_check_one(const char *key, size_t length, void *state)
{
	struct fence_check *check = state;
	struct fence_entry *e;

	e = fence_find(key, length, fence_hash(key, length));
	return (e != NULL && e->fence > check->ticket);
}

VCL_INT
vmod_ticket(VRT_CTX)
{
	VCL_INT t;

	(void)ctx;
	AZ(pthread_mutex_lock(&fence_mtx));
	t = fence_counter;
	AZ(pthread_mutex_unlock(&fence_mtx));
	return (t);
}

VCL_INT
vmod_raise(VRT_CTX, VCL_STRING keys)
{
	VCL_INT raised = 0;

	(void)ctx;
	AZ(pthread_mutex_lock(&fence_mtx));
	/* Every ticket handed out so far is below the new value. */
	fence_counter++;
	(void)fence_each(keys, fence_raise_one, &raised);
	AZ(pthread_mutex_unlock(&fence_mtx));
	return (raised);
}

VCL_BOOL
vmod_fresh(VRT_CTX, VCL_STRING keys, VCL_INT ticket)
{
	struct fence_check check;
	int fenced;

	(void)ctx;
	check.ticket = ticket;
	AZ(pthread_mutex_lock(&fence_mtx));
	fenced = ticket < fence_floor || fence_each(keys, fence_check_one, &check) != 0;
	AZ(pthread_mutex_unlock(&fence_mtx));
	return (!fenced);
}

VCL_INT
vmod_size(VRT_CTX)
{
	VCL_INT n;

	(void)ctx;
	AZ(pthread_mutex_lock(&fence_mtx));
	n = fence_keys;
	AZ(pthread_mutex_unlock(&fence_mtx));
	return (n);
}
