package dev.sextant.security.users;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordPolicyTest {

  @ParameterizedTest
  @ValueSource(strings = {"correct horse battery", "十二个汉字组成的一个很长的密码啊", "Tr0ub4dor&3-extra"})
  void acceptsLongPasswordsWithoutCompositionRules(String password) {
    assertThatCode(() -> PasswordPolicy.check("li.lei", password)).doesNotThrowAnyException();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "short",
        "elevenchars",
        "my-name-is-li.lei-ok",
        "MY-NAME-IS-LI.LEI-OK",
        "password1234",
        "aaaaaaaaaaaaaaaa",
        "abababababababab",
        "ääääääääääääääääääääääääääääääääääääää"
      })
  void refusesShortGuessableOrTooLongPasswords(String password) {
    assertThatThrownBy(() -> PasswordPolicy.check("li.lei", password))
        .isInstanceOf(InvalidAccountException.class)
        .extracting(e -> ((InvalidAccountException) e).field())
        .isEqualTo("password");
  }
}
