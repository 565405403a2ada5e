using Renda.Web.Platform.Search;

namespace Renda.Tests.Platform.Search;

/// <summary>Which tokens of a query the database searches for, and how (SearchIndex.Plan).</summary>
public class CandidateQueryTests
{
    private static readonly IReadOnlyList<string> Tokens = ChineseText.Tokenize("冷湖天文观测基地暗夜保护区规范户外照明");

    [Fact]
    public void In_a_small_index_every_token_finds_candidates_alone()
    {
        var plan = SearchIndex.Plan(Tokens, Tokens.Distinct().ToDictionary(t => t, _ => 3L), documents: 10);
        plan.Singles.ShouldBe(Tokens.Distinct().Order(StringComparer.Ordinal), ignoreOrder: true);
        plan.Conjunctions.ShouldBeEmpty();
    }

    [Fact]
    public void Rare_tokens_come_rarest_first_within_the_posting_budget()
    {
        var df = Tokens.Distinct().ToDictionary(t => t, _ => 100_000L);
        df["暗夜"] = 40;
        df["冷湖"] = 900;
        df["天文"] = 4_500; // rare, but past the budget once the others are in
        df["照明"] = 600;
        df["户外"] = 800;
        df["观测"] = 700;
        df["赛什"] = 7; // not in the query: ignored
        df["区规"] = 0; // in no text: useless
        var plan = SearchIndex.Plan(Tokens, df, documents: 1_000_000);
        plan.Singles.ShouldBe(["暗夜", "照明", "观测", "户外", "冷湖"]);
        plan.Conjunctions.ShouldBeEmpty(); // enough rare tokens: everyday words are not searched for
        plan.RankTerms.ShouldBe(plan.Singles);
    }

    [Fact]
    public void A_text_of_everyday_words_falls_back_to_conjunctions_from_different_places()
    {
        var df = Tokens.Distinct().ToDictionary(t => t, _ => 100_000L);
        df["暗夜"] = 40;
        var plan = SearchIndex.Plan(Tokens, df, documents: 1_000_000);
        plan.Singles.ShouldBe(["暗夜"]);
        plan.Conjunctions.Count.ShouldBeInRange(1, SearchIndex.MaxConjunctions);
        // 100,000 × (1/10)^k texts are expected to hold k such tokens: at most 2,000 (the safety valve) needs three.
        plan.Conjunctions.ShouldAllBe(c => c.Length >= 3);
        var at = Tokens.ToList();
        foreach (var c in plan.Conjunctions)
            foreach (var (x, y) in c.SelectMany(x => c.Where(y => y != x).Select(y => (x, y))))
                Math.Abs(at.IndexOf(x) - at.IndexOf(y)).ShouldBeGreaterThanOrEqualTo(SearchIndex.PairDistance);
        plan.Conjunctions.SelectMany(c => c).ShouldBeUnique();
    }

    [Fact]
    public void Conjunctions_are_as_short_as_their_tokens_allow()
    {
        // 2,000 × 2,000 / 1,000,000 = 4 texts expected to hold both: a pair is enough.
        var plan = SearchIndex.Plan(Tokens, Tokens.Distinct().ToDictionary(t => t, _ => 2_000L), documents: 1_000_000);
        plan.Singles.ShouldBeEmpty();
        plan.Conjunctions.Count.ShouldBe(SearchIndex.MaxConjunctions);
        plan.Conjunctions.ShouldAllBe(c => c.Length == 2);
    }
}
