using System.Globalization;
using SelfLearn.Agents.Student.Telemetry;

namespace SelfLearn.Api.Tests.Telemetry;

public sealed class RunIdTimeTests
{
    [Fact]
    public void A_uuid_v7_gives_a_day_either_side_of_the_milliseconds_in_its_first_twelve_hex_digits()
    {
        var id = Guid.Parse("0192f3a4-5b6c-7d8e-9f01-23456789abcd");
        var began = DateTimeOffset.UnixEpoch.AddMilliseconds(long.Parse("0192f3a45b6c", NumberStyles.HexNumber));

        Assert.Equal((began.AddDays(-1), began.AddDays(1)), RunIdTime.Window(id));
        Assert.Equal(new DateTimeOffset(2024, 11, 3, 20, 8, 7, 788, TimeSpan.Zero), began);
    }

    [Fact]
    public void A_run_id_made_now_names_now()
    {
        var before = DateTimeOffset.UtcNow;
        var window = RunIdTime.Window(Guid.CreateVersion7())!.Value;
        var after = DateTimeOffset.UtcNow;

        Assert.InRange(window.From.AddDays(1), before.AddMilliseconds(-1), after);
    }

    [Theory]
    [InlineData("0192f3a4-5b6c-4d8e-9f01-23456789abcd")]
    [InlineData("00000000-0000-0000-0000-000000000000")]
    [InlineData("ffffffff-ffff-7fff-bfff-ffffffffffff")]
    public void Other_versions_and_times_past_the_year_9999_name_no_window(string id) => Assert.Null(RunIdTime.Window(Guid.Parse(id)));
}
