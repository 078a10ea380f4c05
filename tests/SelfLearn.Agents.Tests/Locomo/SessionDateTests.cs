using SelfLearn.Agents.Locomo;

namespace SelfLearn.Agents.Tests.Locomo;

public sealed class SessionDateTests
{
    [Theory]
    [InlineData("1:56 pm on 8 May, 2023", "2023-05-08T13:56:00Z")]
    [InlineData("12:48 am on 1 February, 2023", "2023-02-01T00:48:00Z")]
    [InlineData("10:04 AM on 19 December, 2023", "2023-12-19T10:04:00Z")]
    public void Reads_LoCoMo_session_dates_as_UTC(string text, string expected) =>
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), SessionDate.Parse(text));

    [Fact]
    public void Rejects_other_formats() => Assert.Throws<FormatException>(() => SessionDate.Parse("2023-05-08"));
}
