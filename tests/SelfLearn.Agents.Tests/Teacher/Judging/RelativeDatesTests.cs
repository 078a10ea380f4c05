using SelfLearn.Agents.Teacher.Judging.Offline;

namespace SelfLearn.Agents.Tests.Teacher.Judging;

/// <summary>Relative time words resolved from the day an item was said (calendar checked by hand).</summary>
public sealed class RelativeDatesTests
{
    // 28 April 2025 was a Monday; 18 January 2026 a Sunday.
    private static readonly DateOnly MondayApril28 = new(2025, 4, 28);

    [Fact]
    public void Yesterday_is_the_day_before() =>
        Assert.Equal(["27", "april", "2025", "sunday"], RelativeDates.Words(MondayApril28, "I burned the lasagne yesterday."));

    [Fact]
    public void A_weekday_is_the_latest_such_day_before_the_day_it_was_said() =>
        Assert.Equal(["25", "april", "2025", "friday"], RelativeDates.Words(MondayApril28, "I hosted a barbecue on Friday."));

    [Fact]
    public void The_same_weekday_as_the_day_said_means_a_week_before() =>
        Assert.Equal(["11", "january", "2026", "sunday"], RelativeDates.Words(new DateOnly(2026, 1, 18), "Last Sunday we met."));

    [Fact]
    public void Years_ago_and_last_year_name_the_year() =>
        Assert.Equal(["2018", "2024"], RelativeDates.Words(new DateOnly(2023, 7, 16), "I started surfing five years ago.")
            .Concat(RelativeDates.Words(new DateOnly(2025, 3, 1), "We moved last year.")));

    [Fact]
    public void A_day_and_month_later_in_the_year_than_the_day_said_is_last_year() =>
        Assert.Equal(["2024"], RelativeDates.Words(new DateOnly(2025, 1, 8), "I picked up the tiles on 31 December."));

    [Fact]
    public void Text_without_relative_time_names_no_day() =>
        Assert.Empty(RelativeDates.Words(MondayApril28, "The budget is 60,000 euros on 3 May 2025."));
}
