using SelfLearn.Api.Tests.Infrastructure;

namespace SelfLearn.Api.Tests.Student;

/// <summary><c>generation.support_threshold</c> of the active version reaches the offline answerer on the query path.</summary>
public sealed class SupportThresholdTests(AppFixture fixture) : ApiTest(fixture)
{
    [Fact]
    public async Task The_active_support_threshold_decides_whether_the_same_evidence_is_quoted_or_declined()
    {
        await Host.Remember("alice",
            ("I adopted a beagle puppy and named him Max.", "D1:1", "2023-05-08T10:00:00Z"),
            ("My sister lives in Lisbon. She teaches chemistry.", "D1:2", "2023-05-08T10:01:00Z"));

        var quoted = await Host.Ask("alice", "Where does my sister live?");
        await Host.CreateAndActivate("generation.support_threshold", 1);
        var declined = await Host.Ask("alice", "Where does my sister live?");

        Assert.Equal(("[8 May 2023] alice: My sister lives in Lisbon.", false), (quoted!["answer"]!.GetValue<string>(), quoted["abstained"]!.GetValue<bool>()));
        Assert.Equal(("I don't know.", true), (declined!["answer"]!.GetValue<string>(), declined["abstained"]!.GetValue<bool>()));
        Assert.Equal(quoted.Sources(), declined.Sources());
    }
}
