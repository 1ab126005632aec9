#pragma once
// The few cryptographic operations the platform needs, all from libsodium.

#include <cstddef>
#include <string>
#include <string_view>

namespace manzuma::core {

/// Initialises libsodium; call once at start (safe to call again).
void crypto_init();

/// `bytes` random bytes as URL-safe base64 without padding (session ids, tokens, CSRF tokens).
std::string random_token(std::size_t bytes = 32);

/// A human-typeable random password (letters, digits, symbols) of `length` characters.
std::string random_password(std::size_t length = 20);

/// SHA-256 of `data` as lower-case hex.
std::string sha256_hex(std::string_view data);

/// Streaming SHA-256 for large inputs (attachments).
class Sha256 {
 public:
  Sha256();
  void update(std::string_view data);
  std::string hex_digest();

 private:
  alignas(64) unsigned char state_[208];  // crypto_hash_sha256_state, kept opaque
};

/// Compares two secrets in constant time for equal lengths.
bool constant_time_equal(std::string_view a, std::string_view b);

/// Cost of argon2id: how many passes and how much memory each hash takes.
struct PasswordCost {
  unsigned long long ops_limit;
  std::size_t mem_limit_bytes;
};
/// libsodium's "interactive" argon2id cost (2 passes, 64 MiB), the production default.
PasswordCost default_password_cost();

/// An argon2id hash in libsodium's self-describing string form.
std::string hash_password(std::string_view password, PasswordCost cost);
/// True when `password` matches `hash`.
bool verify_password(std::string_view hash, std::string_view password);
/// True when `hash` was made with a cost other than `cost` and should be re-hashed at next sign-in.
bool password_needs_rehash(std::string_view hash, PasswordCost cost);

}  // namespace manzuma::core
