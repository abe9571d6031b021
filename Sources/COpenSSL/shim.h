#ifndef COPENSSL_SHIM_H
#define COPENSSL_SHIM_H
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>
#include <openssl/err.h>
#include <openssl/core_names.h>
#include <openssl/params.h>

/// OPENSSL_free is a macro.
static inline void copenssl_free(void *p) { OPENSSL_free(p); }

/// Keys an HMAC `EVP_MAC_CTX` with SHA-256; returns 1 on success.
///
/// OSSL_PARAM arrays are awkward to build from Swift, so the digest parameter is set here. A NULL
/// key would mean "keep the current key" to EVP_MAC_init, so an empty key is passed as a non-NULL
/// pointer with length 0.
static inline int copenssl_hmac_sha256_init(EVP_MAC_CTX *ctx, const void *key, size_t keylen) {
  static const unsigned char empty[1] = {0};
  OSSL_PARAM params[2];
  params[0] = OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, (char *)"SHA256", 0);
  params[1] = OSSL_PARAM_construct_end();
  return EVP_MAC_init(ctx, key != NULL ? (const unsigned char *)key : empty, keylen, params);
}

/* HMAC-SHA256 with the key's inner and outer states computed once (RFC 2104): per message two
 * SHA-256 compressions of state copies, no allocation. The low-level SHA256_* functions are
 * deprecated in OpenSSL 3 but remain part of its API; they are several times cheaper per call
 * than EVP_MAC_init/update/final, which allocate. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
#include <openssl/sha.h>
#include <string.h>

typedef struct {
  SHA256_CTX inner;
  SHA256_CTX outer;
} copenssl_hmac_sha256_key;

/// Prepares the inner and outer states for `key`; returns 1 on success.
static inline int copenssl_hmac_sha256_prepare(copenssl_hmac_sha256_key *k, const void *key,
                                               size_t keylen) {
  unsigned char block[64];
  unsigned char pad[64];
  memset(block, 0, sizeof block);
  if (keylen > 64) {
    if (SHA256((const unsigned char *)key, keylen, block) == NULL) return 0;
  } else if (keylen > 0) {
    memcpy(block, key, keylen);
  }
  for (int i = 0; i < 64; i++) pad[i] = block[i] ^ 0x36;
  if (SHA256_Init(&k->inner) != 1 || SHA256_Update(&k->inner, pad, 64) != 1) return 0;
  for (int i = 0; i < 64; i++) pad[i] = block[i] ^ 0x5c;
  if (SHA256_Init(&k->outer) != 1 || SHA256_Update(&k->outer, pad, 64) != 1) return 0;
  return 1;
}

/// Writes the 32-byte HMAC-SHA256 of `message` under the prepared key; returns 1 on success.
static inline int copenssl_hmac_sha256(const copenssl_hmac_sha256_key *k, const void *message,
                                       size_t length, unsigned char *out) {
  unsigned char inner[32];
  SHA256_CTX c = k->inner;
  if (length > 0 && SHA256_Update(&c, message, length) != 1) return 0;
  if (SHA256_Final(inner, &c) != 1) return 0;
  c = k->outer;
  if (SHA256_Update(&c, inner, 32) != 1) return 0;
  return SHA256_Final(out, &c);
}
#pragma GCC diagnostic pop
#endif
