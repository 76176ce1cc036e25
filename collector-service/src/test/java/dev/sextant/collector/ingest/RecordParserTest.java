package dev.sextant.collector.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.event.QuarantineCode;
import dev.sextant.event.QuarantineReason;
import dev.sextant.event.item.ItemOperation;
import dev.sextant.event.profile.ProfileOperation;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class RecordParserTest {

  private final RecordReader reader = new RecordReader();
  private final RecordParser parser = new RecordParser();

  private RecordParser.Result parse(String record) {
    return parser.parse(reader.read(record.getBytes(StandardCharsets.UTF_8)).getFirst().json());
  }

  @Test
  void readsASensorsTrackRecord() {
    RecordParser.Result result =
        parse(
            """
            {"type":"track","event":"P2P_Invest","distinct_id":"u-1","time":1485878399123,
             "_track_id":-12345,
             "properties":{"amount":1000.50,"count":3,"coupon_used":true,"product_id":"产品-7",
                           "tags":["new","vip"]}}
            """);

    assertThat(result).isInstanceOf(RecordParser.Parsed.class);
    RecordParser.Parsed parsed = (RecordParser.Parsed) result;
    assertThat(parsed.event()).isEqualTo("P2P_Invest");
    assertThat(parsed.distinctId()).isEqualTo("u-1");
    assertThat(parsed.time()).isEqualTo(Instant.ofEpochMilli(1485878399123L));
    assertThat(parsed.trackId()).isEqualTo(-12345L);
    assertThat(parsed.properties())
        .containsEntry("amount", new BigDecimal("1000.50"))
        .containsEntry("count", 3L)
        .containsEntry("coupon_used", true)
        .containsEntry("product_id", "产品-7")
        .containsEntry("tags", List.of("new", "vip"));
  }

  @Test
  void propertiesAndTrackIdAreOptional() {
    RecordParser.Result result =
        parse("{\"type\":\"track\",\"event\":\"E\",\"distinct_id\":\"u\",\"time\":1}");

    assertThat(result)
        .isEqualTo(
            new RecordParser.Parsed("E", "u", Instant.ofEpochMilli(1), null, java.util.Map.of()));
  }

  static Stream<Arguments> malformedRecords() {
    return Stream.of(
        Arguments.of("[[]]", ""),
        Arguments.of("\"text\"", ""),
        Arguments.of("{\"event\":\"E\",\"distinct_id\":\"u\",\"time\":1}", "type"),
        Arguments.of(
            "{\"type\":\"profile_sett\",\"event\":\"E\",\"distinct_id\":\"u\",\"time\":1}", "type"),
        Arguments.of(
            "{\"type\":\"TRACK\",\"event\":\"E\",\"distinct_id\":\"u\",\"time\":1}", "type"),
        Arguments.of(
            "{\"type\":\"track\",\"event\":\"E\",\"distinct_id\":\"u\",\"time\":1,\"properties\":{\"a\":1e999999999}}",
            "properties.a"),
        Arguments.of(
            "{\"type\":\"track\",\"event\":\"E\",\"distinct_id\":\"u\",\"time\":1,\"properties\":{\"a\":123456789012345678901234567890123456789}}",
            "properties.a"),
        Arguments.of(
            "{\"type\":\"track\",\"event\":\"E\",\"distinct_id\":\"u\",\"time\":1,\"properties\":{\"a\":0.000000000000000000000000000000000000001}}",
            "properties.a"),
        Arguments.of(
            "{\"type\":\"track\",\"event\":\"E\",\"distinct_id\":\"u\",\"time\":1,\"properties\":{\"a\":[1,1e99999]}}",
            "properties.a"),
        Arguments.of(
            "{\"type\":\"track\",\"event\":\"E\",\"distinct_id\":\"u\",\"time\":1e3}", "time"),
        Arguments.of("{\"type\":\"track\",\"distinct_id\":\"u\",\"time\":1}", "event"),
        Arguments.of(
            "{\"type\":\"track\",\"event\":\"\",\"distinct_id\":\"u\",\"time\":1}", "event"),
        Arguments.of("{\"type\":\"track\",\"event\":\"E\",\"time\":1}", "distinct_id"),
        Arguments.of(
            "{\"type\":\"track\",\"event\":\"E\",\"distinct_id\":7,\"time\":1}", "distinct_id"),
        Arguments.of("{\"type\":\"track\",\"event\":\"E\",\"distinct_id\":\"u\"}", "time"),
        Arguments.of(
            "{\"type\":\"track\",\"event\":\"E\",\"distinct_id\":\"u\",\"time\":\"1\"}", "time"),
        Arguments.of(
            "{\"type\":\"track\",\"event\":\"E\",\"distinct_id\":\"u\",\"time\":1.5}", "time"),
        Arguments.of(
            "{\"type\":\"track\",\"event\":\"E\",\"distinct_id\":\"u\",\"time\":1,\"_track_id\":\"x\"}",
            "_track_id"),
        Arguments.of(
            "{\"type\":\"track\",\"event\":\"E\",\"distinct_id\":\"u\",\"time\":1,\"properties\":[]}",
            "properties"),
        Arguments.of(
            "{\"type\":\"track\",\"event\":\"E\",\"distinct_id\":\"u\",\"time\":1,\"properties\":{\"a\":null}}",
            "properties.a"),
        Arguments.of(
            "{\"type\":\"track\",\"event\":\"E\",\"distinct_id\":\"u\",\"time\":1,\"properties\":{\"a\":{\"b\":1}}}",
            "properties.a"),
        Arguments.of(
            "{\"type\":\"track\",\"event\":\"E\",\"distinct_id\":\"u\",\"time\":1,\"properties\":{\"a\":[[1]]}}",
            "properties.a"));
  }

  @ParameterizedTest(name = "{0} is malformed at ''{1}''")
  @MethodSource("malformedRecords")
  void reportsWhereARecordIsMalformed(String record, String path) {
    RecordParser.Result result = parse(record);

    assertThat(result).isInstanceOf(RecordParser.Malformed.class);
    assertThat(((RecordParser.Malformed) result).reasons())
        .extracting(QuarantineReason::code, QuarantineReason::path)
        .contains(org.assertj.core.groups.Tuple.tuple(QuarantineCode.MALFORMED_PAYLOAD, path));
  }

  @Test
  void readsASignupAsAnEventThatLinksItsOriginalId() {
    RecordParser.Result result =
        parse(
            "{\"type\":\"track_signup\",\"event\":\"$SignUp\",\"distinct_id\":\"login-1\","
                + "\"original_id\":\"anon-1\",\"time\":1700000000000,\"properties\":{\"a\":1}}");

    assertThat(result)
        .isEqualTo(
            new RecordParser.Parsed(
                "$SignUp",
                "login-1",
                Instant.ofEpochMilli(1700000000000L),
                null,
                Map.of("a", 1L),
                "anon-1"));
  }

  @Test
  void aSignupUnderItsOwnOriginalIdLinksNothing() {
    RecordParser.Result result =
        parse(
            "{\"type\":\"track_signup\",\"event\":\"$SignUp\",\"distinct_id\":\"u\","
                + "\"original_id\":\"u\",\"time\":1}");

    assertThat(result)
        .isInstanceOfSatisfying(
            RecordParser.Parsed.class, parsed -> assertThat(parsed.originalId()).isNull());
  }

  @ParameterizedTest(name = "{0} is quarantined for its original_id")
  @ValueSource(
      strings = {
        "{\"type\":\"track_signup\",\"event\":\"$SignUp\",\"distinct_id\":\"u\",\"time\":1}",
        "{\"type\":\"track_signup\",\"event\":\"$SignUp\",\"distinct_id\":\"u\",\"time\":1,"
            + "\"original_id\":\" \"}",
        "{\"type\":\"track_signup\",\"event\":\"$SignUp\",\"distinct_id\":\"u\",\"time\":1,"
            + "\"original_id\":7}"
      })
  void aSignupWithoutAnOriginalIdIsMalformed(String record) {
    assertThat(parse(record))
        .isInstanceOfSatisfying(
            RecordParser.Malformed.class,
            malformed ->
                assertThat(malformed.reasons())
                    .singleElement()
                    .satisfies(reason -> {
                      assertThat(reason.code()).isEqualTo(QuarantineCode.MALFORMED_PAYLOAD);
                      assertThat(reason.path()).isEqualTo("original_id");
                      assertThat(reason.message()).contains("track_signup", "anonymous id");
                    }));
  }

  @Test
  void aTrackRecordLinksNothingEvenWithAnOriginalId() {
    RecordParser.Result result =
        parse(
            "{\"type\":\"track\",\"event\":\"E\",\"distinct_id\":\"u\","
                + "\"original_id\":\"anon\",\"time\":1}");

    assertThat(result)
        .isInstanceOfSatisfying(
            RecordParser.Parsed.class, parsed -> assertThat(parsed.originalId()).isNull());
  }

  @Test
  void readsAnIdMappingBindAsAnEventThatLinksTheAnonymousIdentity() {
    RecordParser.Result result =
        parse(
            "{\"type\":\"track_id_bind\",\"event\":\"$BindID\",\"distinct_id\":\"login-1\","
                + "\"identities\":{\"$identity_login_id\":\"login-1\","
                + "\"$identity_cookie_id\":\"cookie-9\"},\"time\":1700000000000,"
                + "\"_track_id\":5}");

    assertThat(result)
        .isEqualTo(
            new RecordParser.Parsed(
                "$BindID",
                "login-1",
                Instant.ofEpochMilli(1700000000000L),
                5L,
                Map.of(),
                "cookie-9"));
  }

  @Test
  void aBindPrefersTheAnonymousIdFieldAndNamesItsEventWhenTheSdkDidNot() {
    RecordParser.Result result =
        parse(
            "{\"type\":\"track_id_bind\",\"login_id\":\"login-2\",\"anonymous_id\":\"anon-2\","
                + "\"identities\":{\"$identity_login_id\":\"login-2\","
                + "\"$identity_android_id\":\"android-2\"},\"time\":1}");

    assertThat(result)
        .isInstanceOfSatisfying(
            RecordParser.Parsed.class,
            parsed -> {
              assertThat(parsed.event()).isEqualTo("$BindID");
              assertThat(parsed.distinctId()).isEqualTo("login-2");
              assertThat(parsed.originalId()).isEqualTo("anon-2");
            });
  }

  @Test
  void aBindOfOnlyTheLoginIdLinksNothing() {
    RecordParser.Result result =
        parse(
            "{\"type\":\"track_id_bind\",\"distinct_id\":\"login-3\","
                + "\"identities\":{\"$identity_login_id\":\"login-3\"},\"time\":1}");

    assertThat(result)
        .isInstanceOfSatisfying(
            RecordParser.Parsed.class, parsed -> assertThat(parsed.originalId()).isNull());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("recordsNamingTheUserOnlyInIdentities")
  void takesTheDistinctIdFromTheIdentitiesWhenTheRecordHasNone(String record, String distinctId) {
    assertThat(parse(record))
        .isInstanceOfSatisfying(
            RecordParser.Parsed.class,
            parsed -> assertThat(parsed.distinctId()).isEqualTo(distinctId));
  }

  static Stream<Arguments> recordsNamingTheUserOnlyInIdentities() {
    return Stream.of(
        Arguments.of(
            "{\"type\":\"track\",\"event\":\"E\",\"time\":1,\"identities\":"
                + "{\"$identity_cookie_id\":\"c-1\",\"$identity_login_id\":\"u-1\"}}",
            "u-1"),
        Arguments.of(
            "{\"type\":\"track\",\"event\":\"E\",\"time\":1,\"identities\":"
                + "{\"$identity_android_id\":\"a-1\"}}",
            "a-1"),
        Arguments.of("{\"type\":\"track\",\"event\":\"E\",\"time\":1,\"login_id\":\"u-2\"}", "u-2"),
        Arguments.of(
            "{\"type\":\"track\",\"event\":\"E\",\"time\":1,\"distinct_id\":\"d-1\","
                + "\"identities\":{\"$identity_login_id\":\"u-3\"}}",
            "d-1"));
  }

  @Test
  void aRecordWithNeitherDistinctIdNorIdentitiesIsMalformed() {
    assertThat(parse("{\"type\":\"track\",\"event\":\"E\",\"time\":1,\"identities\":{}}"))
        .isInstanceOfSatisfying(
            RecordParser.Malformed.class,
            malformed ->
                assertThat(malformed.reasons())
                    .extracting(QuarantineReason::path)
                    .containsExactly("distinct_id"));
  }

  @Test
  void anUnbindIsKeptButNotApplied() {
    assertThat(parse("{\"type\":\"track_id_unbind\",\"distinct_id\":\"u\",\"time\":1}"))
        .isInstanceOfSatisfying(
            RecordParser.Unsupported.class,
            unsupported ->
                assertThat(unsupported.reasons().getFirst().message())
                    .contains("not applied", "permanent"));
  }

  @ParameterizedTest(name = "{0} is recognised and not stored")
  @EnumSource(
      value = RecordType.class,
      names = {"TRACK_ID_UNBIND"})
  void recognisesEveryOtherSensorsRecordType(RecordType type) {
    RecordParser.Result result =
        parse("{\"type\":\"" + type.wireName() + "\",\"distinct_id\":\"u\",\"properties\":{}}");

    assertThat(result)
        .isInstanceOfSatisfying(
            RecordParser.Unsupported.class,
            unsupported -> {
              assertThat(unsupported.type()).isEqualTo(type);
              assertThat(unsupported.reasons())
                  .extracting(QuarantineReason::code, QuarantineReason::path)
                  .containsExactly(
                      org.assertj.core.groups.Tuple.tuple(
                          QuarantineCode.UNSUPPORTED_RECORD_TYPE, "type"));
            });
  }

  @ParameterizedTest(name = "keeps {0}")
  @ValueSource(
      strings = {
        "x'); DROP TABLE events; --",
        "\\\"quoted\\\"",
        "Robert'); --",
        "${jndi:ldap://x}",
        "事件"
      })
  void readsNamesWithQuotesAndSqlAsTheyAre(String name) {
    String json =
        "{\"type\":\"track\",\"event\":\""
            + name
            + "\",\"distinct_id\":\""
            + name
            + "\",\"time\":1,\"properties\":{\""
            + name
            + "\":\""
            + name
            + "\"}}";

    RecordParser.Parsed parsed = (RecordParser.Parsed) parse(json);
    String unescaped = name.replace("\\\"", "\"");
    assertThat(parsed.event()).isEqualTo(unescaped);
    assertThat(parsed.properties()).containsEntry(unescaped, unescaped);
  }

  @Test
  void keepsBigButBoundedNumbers() {
    RecordParser.Parsed parsed =
        (RecordParser.Parsed)
            parse(
                "{\"type\":\"track\",\"event\":\"E\",\"distinct_id\":\"u\",\"time\":1,"
                    + "\"properties\":{\"big\":12345678901234567890123456789012345678,"
                    + "\"small\":0.00000000000000000000000000000000000001}}");

    assertThat(parsed.properties())
        .containsEntry("big", new BigDecimal("12345678901234567890123456789012345678"))
        .containsEntry("small", new BigDecimal("0.00000000000000000000000000000000000001"));
  }

  @ParameterizedTest(name = "{0} is a profile update")
  @EnumSource(
      value = RecordType.class,
      names = {
        "PROFILE_SET",
        "PROFILE_SET_ONCE",
        "PROFILE_INCREMENT",
        "PROFILE_APPEND",
        "PROFILE_UNSET",
        "PROFILE_DELETE"
      })
  void readsEveryProfileRecordTypeWithoutAnEvent(RecordType type) {
    RecordParser.Result result =
        parse(
            "{\"type\":\""
                + type.wireName()
                + "\",\"distinct_id\":\"u\",\"time\":7,\"_track_id\":3,"
                + "\"properties\":{\"$is_login_id\":true}}");

    assertThat(result)
        .isEqualTo(
            new RecordParser.ParsedProfile(
                type.profileOperation().orElseThrow(), "u", Instant.ofEpochMilli(7), 3L, Map.of()));
  }

  @Test
  void readsTheNamesOfAnUnsetWhateverTheValues() {
    assertThat(
            parse(
                "{\"type\":\"profile_unset\",\"distinct_id\":\"u\",\"time\":1,"
                    + "\"properties\":{\"a\":true,\"b\":null,\"c\":{\"x\":1}}}"))
        .isEqualTo(
            new RecordParser.ParsedProfile(
                ProfileOperation.UNSET,
                "u",
                Instant.ofEpochMilli(1),
                null,
                Map.of("a", true, "b", true, "c", true)));
  }

  @Test
  void aDeleteKeepsNoProperties() {
    assertThat(
            parse(
                "{\"type\":\"profile_delete\",\"distinct_id\":\"u\",\"time\":1,"
                    + "\"properties\":{\"a\":1}}"))
        .isEqualTo(
            new RecordParser.ParsedProfile(
                ProfileOperation.DELETE, "u", Instant.ofEpochMilli(1), null, Map.of()));
  }

  @Test
  void aProfileRecordNeedsADistinctIdAndATime() {
    assertThat(parse("{\"type\":\"profile_set\",\"properties\":{\"a\":1}}"))
        .isInstanceOfSatisfying(
            RecordParser.Malformed.class,
            malformed ->
                assertThat(malformed.reasons())
                    .extracting(QuarantineReason::path)
                    .containsExactly("distinct_id", "time"));
  }

  @Test
  void readsAnItemSetAsTheSdksSendIt() {
    assertThat(
            parse(
                """
                {"type":"item_set","item_type":"product","item_id":"p-42","time":1700000000000,
                 "_track_id":12345678,"lib":{"$lib":"js","$lib_method":"code"},
                 "properties":{"name":"稳盈-90天","rate":4.5,"term_days":90,"tags":["p2p"]}}
                """))
        .isEqualTo(
            new RecordParser.ParsedItem(
                ItemOperation.SET,
                "product",
                "p-42",
                Instant.ofEpochMilli(1700000000000L),
                12345678L,
                Map.of(
                    "name",
                    "稳盈-90天",
                    "rate",
                    new BigDecimal("4.5"),
                    "term_days",
                    90L,
                    "tags",
                    List.of("p2p"))));
  }

  @Test
  void anItemSetWithoutPropertiesOrTrackIdSetsAnEmptyItem() {
    assertThat(
            parse("{\"type\":\"item_set\",\"item_type\":\"product\",\"item_id\":\"p\",\"time\":1}"))
        .isEqualTo(
            new RecordParser.ParsedItem(
                ItemOperation.SET, "product", "p", Instant.ofEpochMilli(1), null, Map.of()));
  }

  @Test
  void anItemDeleteKeepsNoPropertiesWhateverTheSdkSent() {
    assertThat(
            parse(
                """
                {"type":"item_delete","item_type":"product","item_id":"p-42","time":5,
                 "properties":{"$lib":"Java"}}
                """))
        .isEqualTo(
            new RecordParser.ParsedItem(
                ItemOperation.DELETE, "product", "p-42", Instant.ofEpochMilli(5), null, Map.of()));
  }

  static Stream<Arguments> malformedItems() {
    String longType = "t".repeat(101);
    String longId = "i".repeat(1025);
    return Stream.of(
        Arguments.of("{\"type\":\"item_set\",\"item_id\":\"p\",\"time\":1}", "item_type"),
        Arguments.of(
            "{\"type\":\"item_set\",\"item_type\":\"\",\"item_id\":\"p\",\"time\":1}", "item_type"),
        Arguments.of(
            "{\"type\":\"item_set\",\"item_type\":7,\"item_id\":\"p\",\"time\":1}", "item_type"),
        Arguments.of("{\"type\":\"item_delete\",\"item_type\":\"product\",\"time\":1}", "item_id"),
        Arguments.of(
            "{\"type\":\"item_set\",\"item_type\":\"product\",\"item_id\":42,\"time\":1}",
            "item_id"),
        Arguments.of(
            "{\"type\":\"item_set\",\"item_type\":\"%s\",\"item_id\":\"p\",\"time\":1}"
                .formatted(longType),
            "item_type"),
        Arguments.of(
            "{\"type\":\"item_set\",\"item_type\":\"product\",\"item_id\":\"%s\",\"time\":1}"
                .formatted(longId),
            "item_id"),
        Arguments.of("{\"type\":\"item_set\",\"item_type\":\"product\",\"item_id\":\"p\"}", "time"),
        Arguments.of(
            "{\"type\":\"item_set\",\"item_type\":\"product\",\"item_id\":\"p\",\"time\":1,"
                + "\"_track_id\":\"x\"}",
            "_track_id"),
        Arguments.of(
            "{\"type\":\"item_set\",\"item_type\":\"product\",\"item_id\":\"p\",\"time\":1,"
                + "\"properties\":[1]}",
            "properties"),
        Arguments.of(
            "{\"type\":\"item_set\",\"item_type\":\"product\",\"item_id\":\"p\",\"time\":1,"
                + "\"properties\":{\"o\":{\"a\":1}}}",
            "properties.o"));
  }

  @ParameterizedTest(name = "{1}: {0}")
  @MethodSource("malformedItems")
  void reportsWhereAnItemRecordIsMalformed(String record, String path) {
    assertThat(parse(record))
        .isInstanceOfSatisfying(
            RecordParser.Malformed.class,
            malformed ->
                assertThat(malformed.reasons())
                    .extracting(QuarantineReason::code, QuarantineReason::path)
                    .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                            QuarantineCode.MALFORMED_PAYLOAD, path)));
  }

  @Test
  void acceptsTheLongestItemTypeAndId() {
    String type = "t".repeat(100);
    String id = "i".repeat(1024);
    assertThat(
            parse(
                "{\"type\":\"item_set\",\"item_type\":\"%s\",\"item_id\":\"%s\",\"time\":1}"
                    .formatted(type, id)))
        .isInstanceOf(RecordParser.ParsedItem.class);
  }
}
