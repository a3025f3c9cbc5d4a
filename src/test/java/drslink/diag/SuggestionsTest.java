package drslink.diag;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SuggestionsTest {
  private static final Set<String> TOP_KEYS =
      Set.of("version", "name", "tags", "terraform", "accounts", "regions", "connectivity", "replication");
  private static final Set<String> VPC_KEYS =
      Set.of("name", "id", "cidr", "cidrs", "account", "route_table_ids", "endpoint_subnet_ids", "staging_subnet_id");

  @Test
  void suggestsTheClosestCandidateForATypo() {
    assertEquals(Optional.of("tags"), Suggestions.closest("tag", TOP_KEYS));
    assertEquals(Optional.of("replication"), Suggestions.closest("replications", TOP_KEYS));
    assertEquals(Optional.of("route_table_ids"), Suggestions.closest("route_tables", VPC_KEYS));
    assertEquals(Optional.of("ap-northeast-1"), Suggestions.closest("ap-northeast-01", List.of("ap-northeast-1", "ap-northeast-2", "ap-northeast-3")));
  }

  @Test
  void countsTwoSwappedLettersAsOneEdit() {
    assertEquals(1, Suggestions.distance("nmae", "name"));
    assertEquals(Optional.of("name"), Suggestions.closest("nmae", TOP_KEYS));
    assertEquals(Optional.of("vpc_peering"), Suggestions.closest("vpc_peernig", List.of("vpc_peering", "transit_gateway", "existing")));
  }

  @Test
  void doesNotSuggestAnUnrelatedShortWord() {
    // Two edits turn "base" into "name" and "<<" into "id": a suggestion would only mislead.
    assertEquals(Optional.empty(), Suggestions.closest("base", TOP_KEYS));
    assertEquals(Optional.empty(), Suggestions.closest("<<", VPC_KEYS));
    assertEquals(Optional.empty(), Suggestions.closest("az", Set.of("name", "vpcs")));
  }

  @Test
  void suggestsNothingWhenNoCandidateIsClose() {
    assertEquals(Optional.empty(), Suggestions.closest("zzzzzzzzz", VPC_KEYS));
    assertEquals(Optional.empty(), Suggestions.closest("tokyo", List.of("ap-northeast-1", "ap-northeast-3")));
    assertEquals(Optional.empty(), Suggestions.closest("anything", List.of()));
  }

  @Test
  void breaksTiesAlphabetically() {
    assertEquals(Optional.of("cidr"), Suggestions.closest("cidx", List.of("cids", "cidr")));
    assertEquals(Optional.of("cidr"), Suggestions.closest("cidx", List.of("cidr", "cids")));
  }

  @Test
  void prefersTheExactMatchOverNearOnes() {
    assertEquals(Optional.of("cidr"), Suggestions.closest("cidr", VPC_KEYS));
  }

  @Test
  void rejectsAHugeWordWithoutComparingItLetterByLetter() {
    // A hostile megabyte-long key: the length difference alone rules out every candidate.
    assertEquals(Optional.empty(), Suggestions.closest("k".repeat(1_000_000), TOP_KEYS));
  }

  @Test
  void measuresEditDistance() {
    assertEquals(0, Suggestions.distance("dr", "dr"));
    assertEquals(3, Suggestions.distance("", "abc"));
    assertEquals(3, Suggestions.distance("abc", ""));
    assertEquals(3, Suggestions.distance("kitten", "sitting"));
    assertEquals(1, Suggestions.distance("ab", "ba"));
    assertEquals(2, Suggestions.distance("abcd", "badc"));
  }

  @Test
  void phrasesTheSuggestionAsAQuestion() {
    assertEquals("did you mean 'tags'?", Suggestions.didYouMean("tag", TOP_KEYS));
    assertEquals("", Suggestions.didYouMean("zzzzzzzzz", TOP_KEYS));
  }

  @Test
  void aPlaceNameSuggestsItsRegionCode() {
    Set<String> codes = Set.of("ap-northeast-1", "ap-northeast-3", "sa-east-1", "eu-west-1");
    assertEquals("did you mean 'ap-northeast-3'? (regions are written as codes, not place names)", Suggestions.didYouMeanRegion("osaka", codes));
    assertEquals("did you mean 'ap-northeast-3'? (regions are written as codes, not place names)", Suggestions.didYouMeanRegion("Osaka", codes));
    assertEquals("did you mean 'sa-east-1'? (regions are written as codes, not place names)", Suggestions.didYouMeanRegion("sao paulo", codes));
    assertEquals("did you mean 'ap-northeast-1'? (regions are written as codes, not place names)", Suggestions.didYouMeanRegion("tokio", codes));
    // A code typo still gets the closest code, and a place whose region is not a candidate gets no place answer.
    assertEquals("did you mean 'ap-northeast-1'?", Suggestions.didYouMeanRegion("ap-northeast-l", codes));
    assertEquals("", Suggestions.didYouMeanRegion("oregon", codes));
  }
}
