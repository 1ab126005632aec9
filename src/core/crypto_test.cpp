#include "core/crypto.hpp"

#include <gtest/gtest.h>

namespace manzuma::core {
namespace {

TEST(Crypto, Sha256KnownAnswer) {
  crypto_init();
  EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  Sha256 h;
  h.update("a");
  h.update("bc");
  EXPECT_EQ(h.hex_digest(), sha256_hex("abc"));
}

TEST(Crypto, PasswordHashIsArgon2idAndVerifies) {
  crypto_init();
  const PasswordCost cheap{1, 8 * 1024 * 1024};
  const auto h = hash_password("كلمة-سر-قوية-2026", cheap);
  EXPECT_TRUE(h.starts_with("$argon2id$"));
  EXPECT_TRUE(verify_password(h, "كلمة-سر-قوية-2026"));
  EXPECT_FALSE(verify_password(h, "كلمة-سر-قوية-2027"));
  EXPECT_FALSE(password_needs_rehash(h, cheap));
  EXPECT_TRUE(password_needs_rehash(h, {2, 16 * 1024 * 1024}));
}

TEST(Crypto, TokensAreRandomAndUrlSafe) {
  crypto_init();
  const auto a = random_token(), b = random_token();
  EXPECT_NE(a, b);
  EXPECT_EQ(a.size(), 43u);
  EXPECT_EQ(a.find_first_of("+/="), std::string::npos);
  EXPECT_TRUE(constant_time_equal(a, a));
  EXPECT_FALSE(constant_time_equal(a, b));
}

}  // namespace
}  // namespace manzuma::core
