/*
 * Tests only (test/setup/hook-node.global-setup.ts compiles it as `node` into a folder of its own,
 * first on the tests' PATH). Run as `node <this package's bin/aitrail.js> hook <hook> ...` with
 * TEST_HOOK_SERVER naming a socket, it sends the run (argv, working directory, whole environment,
 * its pid and parent's pid, umask; for the hooks git gives a list on stdin, pre-receive, pre-push and
 * post-rewrite, that stdin read whole, at most STDIN_MAX bytes) to the vitest worker's server
 * (test/helpers/cli-server.cjs), which runs the hook bundle afresh in that directory and
 * environment, its stdin those bytes, and relays what it printed and its exit code. Anything else, a
 * server that cannot be reached or one that answers "spawn": execv of the real node, unchanged (a
 * stdin already read is given back to it whole, from an unlinked file).
 * A link to bin/aitrail.js counts as it. REAL_NODE and AITRAIL_BIN come from the generated hook-node-paths.h.
 */
#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>
#include "hook-node-paths.h"

extern char **environ;

static void real(char **argv) {
  execv(REAL_NODE, argv);
  fprintf(stderr, "hook-node: execv %s: %s\n", REAL_NODE, strerror(errno));
  _exit(127);
}

/* reference-transaction: what its server shim runs (`hook reference-transaction prepared`) reads no stdin (the record a push's pre-receive left holds the list). */
static const char *HOOKS[] = {"prepare-commit-msg", "commit-msg", "post-commit", "post-checkout", "applypatch-msg", "pre-applypatch", "post-applypatch", "reference-transaction", NULL};
/* Served too, with their stdin (git writes the whole list, then closes it). */
static const char *STDIN_HOOKS[] = {"pre-receive", "pre-push", "post-rewrite", NULL};
/* A longer stdin (a push of ~100,000 refs): the real node, given it all. */
#define STDIN_MAX (16u << 20)

static char *buf;
static size_t len, cap;
static void put(const void *data, size_t n) {
  if (len + n > cap) {
    cap = (len + n) * 2 + 4096;
    buf = realloc(buf, cap);
    if (!buf) _exit(125);
  }
  memcpy(buf + len, data, n);
  len += n;
}
static void field(const char *s) { put(s, strlen(s) + 1); }
static void number(long value) {
  char text[32];
  snprintf(text, sizeof text, "%ld", value);
  field(text);
}

static int full(int fd, void *data, size_t n) {
  char *at = data;
  while (n > 0) {
    ssize_t got = read(fd, at, n);
    if (got < 0 && errno == EINTR) continue;
    if (got <= 0) return -1;
    at += got;
    n -= (size_t)got;
  }
  return 0;
}
static void out(int fd, const char *data, size_t n) {
  while (n > 0) {
    ssize_t put = write(fd, data, n);
    if (put < 0 && errno == EINTR) continue;
    if (put <= 0) return;
    data += put;
    n -= (size_t)put;
  }
}

/* stdin read so far (the hooks of STDIN_HOOKS). */
static char *in;
static size_t inLen;
static int inRead;

/* stdin read whole into `in`: 0; -1 past STDIN_MAX or on an error after some was read (what was read is kept); -2 unreadable (closed). */
static int readStdin(void) {
  size_t inCap = 0;
  inRead = 1;
  for (;;) {
    if (inLen == inCap) {
      if (inCap >= STDIN_MAX) return -1;
      inCap = inCap ? inCap * 2 : 65536;
      in = realloc(in, inCap);
      if (!in) _exit(125);
    }
    ssize_t got = read(0, in + inLen, inCap - inLen);
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) return inLen == 0 ? -2 : -1;
    if (got == 0) return 0;
    inLen += (size_t)got;
  }
}

/* The real node, with the stdin it would have had: what was read, then the rest (an unlinked file). */
static void realWithStdin(char **argv) {
  if (!inRead) real(argv);
  FILE *kept = tmpfile();
  if (!kept) {
    fprintf(stderr, "hook-node: cannot keep stdin: %s\n", strerror(errno));
    _exit(125);
  }
  int fd = fileno(kept);
  out(fd, in, inLen);
  char chunk[65536];
  for (;;) {
    ssize_t got = read(0, chunk, sizeof chunk);
    if (got < 0 && errno == EINTR) continue;
    if (got <= 0) break;
    out(fd, chunk, (size_t)got);
  }
  if (lseek(fd, 0, SEEK_SET) != 0 || dup2(fd, 0) != 0) _exit(125);
  close(fd);
  real(argv);
}

int main(int argc, char **argv) {
  const char *socketPath = getenv("TEST_HOOK_SERVER");
  int known = 0;
  char resolved[PATH_MAX];
  /* bin/aitrail.js itself, or a link to it (an `aitrail` on PATH as npm i -g leaves one). */
  if (argc >= 4 && strcmp(argv[2], "hook") == 0 && (strcmp(argv[1], AITRAIL_BIN) == 0 || (realpath(argv[1], resolved) && strcmp(resolved, AITRAIL_BIN) == 0)))
  {
    for (const char **hook = HOOKS; *hook; hook++) known |= strcmp(argv[3], *hook) == 0;
    for (const char **hook = STDIN_HOOKS; *hook; hook++) known |= (strcmp(argv[3], *hook) == 0) * 2;
  }
  if (!known || !socketPath || !*socketPath || strlen(socketPath) >= sizeof(((struct sockaddr_un *)0)->sun_path)) real(argv);
  int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
  struct sockaddr_un address = {.sun_family = AF_UNIX};
  strcpy(address.sun_path, socketPath);
  if (fd < 0 || connect(fd, (struct sockaddr *)&address, sizeof address) != 0) real(argv);
  char cwd[8192];
  if (!getcwd(cwd, sizeof cwd)) real(argv);
  if (known == 2) {
    int read = readStdin();
    if (read == -2) real(argv);
    if (read != 0) realWithStdin(argv);
  }
  mode_t mask = umask(0);
  umask(mask);
  put("\0\0\0\0", 4);
  field(cwd);
  number((long)getpid());
  number((long)getppid());
  number((long)mask);
  number(argc - 2);
  for (int i = 2; i < argc; i++) field(argv[i]);
  long count = 0;
  for (char **e = environ; *e; e++) count++;
  number(count);
  for (char **e = environ; *e; e++) field(*e);
  /* stdin: its length ("-" when not read: the server's own, empty), then its bytes as they are. */
  if (inRead) {
    number((long)inLen);
    put(in, inLen);
  } else field("-");
  uint32_t size = (uint32_t)(len - 4);
  memcpy(buf, &size, 4);
  out(fd, buf, len);
  /* Frames: kind (1 stdout, 2 stderr, 3 exit code, 4 run me with the real node), 4-byte length, bytes. */
  for (;;) {
    unsigned char head[5];
    if (full(fd, head, 5) != 0) break;
    uint32_t n;
    memcpy(&n, head + 1, 4);
    char *data = malloc(n ? n : 1);
    if (!data || full(fd, data, n) != 0) break;
    if (head[0] == 1 || head[0] == 2) out(head[0], data, n);
    else if (head[0] == 3 && n == 4) {
      int32_t code;
      memcpy(&code, data, 4);
      return code;
    } else if (head[0] == 4) {
      close(fd);
      realWithStdin(argv);
    }
    free(data);
  }
  fprintf(stderr, "hook-node: the test hook server at %s ended before answering (AITRAIL_TEST_HOOKS=spawn runs without it)\n", socketPath);
  return 125;
}
