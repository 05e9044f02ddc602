using System.Globalization;
using IntegrifyBot.Notifications;
using IntegrifyBot.Storage;
using IntegrifyBot.Storage.Entities;

namespace IntegrifyBot.UnitTests.Features.Notifications;

/// <summary>When a digest is due, what "today" means in a user's zone, and the hours people type.</summary>
public sealed class DigestScheduleTests
{
    // 2026-11-28 07:30 UTC: 16:30 in Tokyo, 08:30 in Berlin, 23:30 the day before in Los Angeles.
    private static readonly DateTimeOffset Instant = new(2026, 11, 28, 7, 30, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("Asia/Tokyo", 16, "2026-11-28")]
    [InlineData("Asia/Tokyo", 17, null)]
    [InlineData("Europe/Berlin", 8, "2026-11-28")]
    [InlineData("Europe/Berlin", 9, null)]
    [InlineData("America/Los_Angeles", 23, "2026-11-27")]
    [InlineData("America/Los_Angeles", 8, "2026-11-27")]
    [InlineData(null, 7, "2026-11-28")]
    [InlineData("Not/AZone", 8, null)]
    public void A_digest_is_due_from_its_hour_in_the_users_own_day(string? zone, int hour, string? dueDay)
    {
        var settings = new NotificationSettings { TeamsTenantId = "t", UserKey = "u", DigestHour = hour, TimeZone = zone };

        Assert.Equal(dueDay is null ? null : DateOnly.Parse(dueDay, CultureInfo.InvariantCulture), DigestSchedule.DueDay(settings, Instant));
    }

    [Fact]
    public void A_digest_sent_today_is_not_due_again_until_tomorrow_and_none_is_due_with_notifications_off()
    {
        var sentToday = new NotificationSettings { TeamsTenantId = "t", UserKey = "u", DigestHour = 8, TimeZone = "Europe/Berlin", LastDigestOn = new DateTime(2026, 11, 28, 0, 0, 0, DateTimeKind.Utc) };
        var off = new NotificationSettings { TeamsTenantId = "t", UserKey = "u", DigestHour = 8, TimeZone = "Europe/Berlin", Enabled = false };
        var none = new NotificationSettings { TeamsTenantId = "t", UserKey = "u", TimeZone = "Europe/Berlin" };

        Assert.Null(DigestSchedule.DueDay(sentToday, Instant));
        Assert.Equal(new DateOnly(2026, 11, 29), DigestSchedule.DueDay(sentToday, Instant.AddDays(1)));
        Assert.Null(DigestSchedule.DueDay(off, Instant));
        Assert.Null(DigestSchedule.DueDay(none, Instant));
    }

    [Fact]
    public void An_hour_chosen_after_it_passed_today_counts_today_as_served()
    {
        Assert.Equal(new DateTime(2026, 11, 28, 0, 0, 0, DateTimeKind.Utc), DigestSchedule.AlreadyServedWhenChosen(8, "Europe/Berlin", Instant));
        Assert.Null(DigestSchedule.AlreadyServedWhenChosen(9, "Europe/Berlin", Instant));
        Assert.Equal(new DateTime(2026, 11, 27, 0, 0, 0, DateTimeKind.Utc), DigestSchedule.AlreadyServedWhenChosen(23, "America/Los_Angeles", Instant));
    }

    [Fact]
    public void The_end_of_a_day_is_the_users_midnight_even_when_a_clock_change_skips_it()
    {
        Assert.Equal(new DateTimeOffset(2026, 11, 29, 0, 0, 0, TimeSpan.FromHours(1)), DigestSchedule.EndOf(new DateOnly(2026, 11, 28), "Europe/Berlin"));
        Assert.Equal(new DateTimeOffset(2026, 11, 29, 0, 0, 0, TimeSpan.Zero), DigestSchedule.EndOf(new DateOnly(2026, 11, 28), null));

        // Chile moves its clocks forward at midnight: the day after ends when the clock first shows a time of it.
        var santiago = TimeZoneInfo.FindSystemTimeZoneById("America/Santiago");
        var skipped = Enumerable.Range(0, 366).Select(offset => new DateOnly(2026, 1, 1).AddDays(offset))
            .First(day => santiago.IsInvalidTime(day.ToDateTime(TimeOnly.MinValue)));
        var end = DigestSchedule.EndOf(skipped.AddDays(-1), "America/Santiago");
        Assert.Equal(skipped.ToDateTime(new TimeOnly(1, 0)), end.DateTime);
        Assert.Equal(santiago.GetUtcOffset(end), end.Offset);
    }

    [Theory]
    [InlineData("8", 8)]
    [InlineData("8am", 8)]
    [InlineData(" 8 AM ", 8)]
    [InlineData("12am", 0)]
    [InlineData("12 pm", 12)]
    [InlineData("5pm", 17)]
    [InlineData("17:00", 17)]
    [InlineData("at 7", 7)]
    [InlineData("0", 0)]
    [InlineData("off", null)]
    [InlineData("none", null)]
    public void Hours_are_read_as_people_type_them(string typed, int? hour)
    {
        Assert.True(DigestHours.TryParse(typed, out var read));
        Assert.Equal(hour, read);
    }

    [Theory]
    [InlineData("24")]
    [InlineData("13pm")]
    [InlineData("0am")]
    [InlineData("8:30")]
    [InlineData("")]
    [InlineData("morning")]
    public void Anything_else_is_not_an_hour(string typed) => Assert.False(DigestHours.TryParse(typed, out _));

    [Fact]
    public void A_digest_key_names_its_day_and_nothing_else_reads_as_one()
    {
        Assert.Equal("digest:2026-11-28", DailyDigest.KeyFor(new DateOnly(2026, 11, 28)));
        Assert.True(DailyDigest.TryReadDay("digest:2026-11-28", out var day));
        Assert.Equal(new DateOnly(2026, 11, 28), day);
        Assert.False(DailyDigest.TryReadDay("T-1234", out _));
        Assert.False(DailyDigest.TryReadDay("digest:tomorrow", out _));
    }
}
