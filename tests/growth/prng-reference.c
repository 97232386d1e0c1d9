/*
 * Reference outputs for src/engine/project/prng.ts, printed by the published algorithms:
 *
 * - xoshiro128** 1.1 by David Blackman and Sebastiano Vigna, public domain,
 *   https://prng.di.unimi.it/xoshiro128starstar.c (next() and rotl() below are that code).
 * - splitmix32: a Weyl sequence with the 32-bit golden-ratio increment 0x9e3779b9 (the
 *   SplitMix construction of Steele, Lea and Flood, "Fast Splittable Pseudorandom Number
 *   Generators", OOPSLA 2014) finished by fmix32, the MurmurHash3 finalizer of Austin
 *   Appleby (public domain, https://github.com/aappleby/smhasher/blob/master/src/MurmurHash3.cpp).
 *
 * Build and run:  cc -O2 -o /tmp/prng-reference tests/growth/prng-reference.c && /tmp/prng-reference
 */
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>

static inline uint32_t rotl(const uint32_t x, int k) { return (x << k) | (x >> (32 - k)); }

static uint32_t s[4];

uint32_t next(void) {
  const uint32_t result = rotl(s[1] * 5, 7) * 9;
  const uint32_t t = s[1] << 9;
  s[2] ^= s[0];
  s[3] ^= s[1];
  s[1] ^= s[2];
  s[0] ^= s[3];
  s[2] ^= t;
  s[3] = rotl(s[3], 11);
  return result;
}

static uint32_t sm;

static uint32_t fmix32(uint32_t h) {
  h ^= h >> 16;
  h *= 0x85ebca6b;
  h ^= h >> 13;
  h *= 0xc2b2ae35;
  h ^= h >> 16;
  return h;
}

uint32_t splitmix32(void) { return fmix32(sm += 0x9e3779b9); }

static void print_xoshiro(uint32_t a, uint32_t b, uint32_t c, uint32_t d, int n) {
  s[0] = a, s[1] = b, s[2] = c, s[3] = d;
  printf("xoshiro128** state {%" PRIu32 ", %" PRIu32 ", %" PRIu32 ", %" PRIu32 "}:", a, b, c, d);
  for (int i = 0; i < n; i++) printf(" %" PRIu32, next());
  printf("\n");
}

static void print_splitmix(uint32_t seed, int n) {
  sm = seed;
  printf("splitmix32 seed %" PRIu32 ":", seed);
  for (int i = 0; i < n; i++) printf(" %" PRIu32, splitmix32());
  printf("\n");
}

/* The generator of prng.ts: the xoshiro128** state is four splitmix32 outputs of the seed. */
static void print_seeded(uint32_t seed, int n) {
  sm = seed;
  s[0] = splitmix32(), s[1] = splitmix32(), s[2] = splitmix32(), s[3] = splitmix32();
  printf("seeded %" PRIu32 ":", seed);
  for (int i = 0; i < n; i++) printf(" %" PRIu32, next());
  printf("\n");
}

int main(void) {
  print_xoshiro(1, 2, 3, 4, 10);
  print_xoshiro(0x9e3779b9, 0x243f6a88, 0xb7e15162, 0x00000001, 6);
  print_splitmix(0, 6);
  print_splitmix(1, 6);
  print_splitmix(0xffffffff, 6);
  print_seeded(0, 6);
  print_seeded(1, 6);
  print_seeded(42, 6);
  return 0;
}
