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
#endif
