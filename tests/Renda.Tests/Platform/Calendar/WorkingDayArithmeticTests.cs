using Renda.Web.Platform.Calendar;
using Renda.Web.Platform.Deadlines;

namespace Renda.Tests.Platform.Calendar;

/// <summary>Working-day arithmetic against the real State Council notices shipped with the program (2022–2027).</summary>
public sealed class WorkingDayArithmeticTests
{
    private static readonly WorkCalendar Calendar = ShippedCalendar.Build();

    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void Make_up_weekend_days_are_working_days_and_holiday_weekdays_are_not()
    {
        Calendar.IsWorkingDay(D("2025-09-28")).ShouldBeTrue();  // Sunday worked for National Day
        Calendar.IsWorkingDay(D("2025-10-11")).ShouldBeTrue();  // Saturday worked
        Calendar.IsWorkingDay(D("2025-10-08")).ShouldBeFalse(); // Wednesday of the holiday
        Calendar.IsWorkingDay(D("2025-10-12")).ShouldBeFalse(); // plain Sunday
        Calendar.IsWorkingDay(D("2025-10-09")).ShouldBeTrue();  // plain Thursday
    }

    [Fact]
    public void Five_working_days_from_30_September_2025_skip_National_Day_and_count_the_make_up_Saturday()
    {
        // 10-01..10-08 off; 10-09 (1), 10-10 (2), Saturday 10-11 worked (3), Sunday 10-12 off, 10-13 (4), 10-14 (5).
        Calendar.AddWorkingDays(D("2025-09-30"), 5).ShouldBe(D("2025-10-14"));
        Calendar.WorkingDaysBetween(D("2025-09-30"), D("2025-10-14")).ShouldBe(5);
        Calendar.WorkingDaysBetween(D("2025-10-14"), D("2025-09-30")).ShouldBe(-5);
    }

    [Fact]
    public void Counting_starts_the_day_after_the_start_and_a_worked_Sunday_counts()
    {
        // Friday 2025-09-26: Saturday 27 off, Sunday 28 worked (调休) — the first working day.
        Calendar.AddWorkingDays(D("2025-09-26"), 1).ShouldBe(D("2025-09-28"));
        // Starting on a holiday does not count the holiday.
        Calendar.AddWorkingDays(D("2025-10-01"), 1).ShouldBe(D("2025-10-09"));
        Calendar.AddWorkingDays(D("2025-10-09"), -1).ShouldBe(D("2025-09-30"));
        Calendar.AddWorkingDays(D("2023-01-20"), 2).ShouldBe(D("2023-01-29")); // Spring Festival 2023: 28 and 29 January worked
    }

    [Fact]
    public void Ten_working_days_from_28_September_2026_end_on_16_October()
    {
        // 9-29 (1), 9-30 (2), 10-01..07 off, 10-08 (3), 10-09 (4), Saturday 10-10 worked (5), 10-12..16 (6–10).
        Calendar.AddWorkingDays(D("2026-09-28"), 10).ShouldBe(D("2026-10-16"));
    }

    [Fact]
    public void A_lead_time_before_a_meeting_ending_on_a_day_off_moves_to_the_working_day_before()
    {
        // 20 days before 2025-10-21 is 10-01, National Day: the report is due on the last working day before the holiday.
        Calendar.SubtractCalendarDays(D("2025-10-21"), 20).ShouldBe(D("2025-09-30"));
        Calendar.Due(D("2025-10-21"), PeriodUnit.CalendarDaysBefore, 20).ShouldBe(D("2025-09-30"));
        // 7 days before 2025-11-29 is Saturday 11-22: due Friday 11-21; a worked Sunday (2025-09-28) stays.
        Calendar.SubtractCalendarDays(D("2025-11-29"), 7).ShouldBe(D("2025-11-21"));
        Calendar.SubtractCalendarDays(D("2025-10-08"), 10).ShouldBe(D("2025-09-28"));
        WorkCalendar.Describe(PeriodUnit.CalendarDaysBefore, 20).ShouldBe("20日前");
    }

    [Fact]
    public void A_period_ending_on_a_holiday_or_weekend_ends_on_the_next_working_day()
    {
        Calendar.AddCalendarDays(D("2024-09-24"), 7).ShouldBe(D("2024-10-08"));   // would end 10-01, National Day
        Calendar.AddCalendarDays(D("2025-11-12"), 10).ShouldBe(D("2025-11-24"));  // would end on Saturday 11-22
        Calendar.AddMonths(D("2025-09-01"), 1).ShouldBe(D("2025-10-09"));         // would end 10-01
        Calendar.AddMonths(D("2026-01-20"), 1).ShouldBe(D("2026-02-24"));         // would end 02-20, Spring Festival
        Calendar.AddCalendarDays(D("2025-11-12"), 9).ShouldBe(D("2025-11-21"));   // a working Friday stays
    }

    [Fact]
    public void Months_clamp_to_the_month_end()
    {
        Calendar.AddMonths(D("2023-01-31"), 1).ShouldBe(D("2023-02-28"));
        Calendar.AddMonths(D("2024-01-31"), 1).ShouldBe(D("2024-02-29"));         // leap year
        Calendar.AddMonths(D("2026-01-31"), 1).ShouldBe(D("2026-02-28"));         // a Saturday, but worked (调休)
        Calendar.AddMonths(D("2025-08-31"), 1).ShouldBe(D("2025-09-30"));
    }

    [Fact]
    public void Due_applies_the_unit()
    {
        Calendar.Due(D("2025-09-30"), PeriodUnit.WorkingDays, 5).ShouldBe(D("2025-10-14"));
        Calendar.Due(D("2024-09-24"), PeriodUnit.CalendarDays, 7).ShouldBe(D("2024-10-08"));
        Calendar.Due(D("2024-01-31"), PeriodUnit.Months, 1).ShouldBe(D("2024-02-29"));
    }

    [Fact]
    public void December_is_read_from_the_next_years_notice()
    {
        // 2022-12-31 is named only in the 2023 notice.
        Calendar.SpecialDay(D("2022-12-31")).ShouldNotBeNull().Name.ShouldBe("元旦");
    }

    [Fact]
    public void A_year_without_a_published_notice_is_plain_weekends_and_provisional()
    {
        Calendar.IsLoaded(2026).ShouldBeTrue();
        Calendar.IsLoaded(2027).ShouldBeFalse();
        var due = Calendar.AddWorkingDays(D("2026-12-18"), 10);
        due.ShouldBe(D("2027-01-01")); // New Year's Day, but no notice yet: counted as a plain Friday
        Calendar.IsProvisional(D("2026-12-18"), due).ShouldBeTrue();
        Calendar.IsProvisional(D("2026-11-16"), Calendar.AddWorkingDays(D("2026-11-16"), 10)).ShouldBeFalse();
    }

    [Fact]
    public void A_recomputed_due_date_counts_the_extensions_from_the_previous_due_date()
    {
        var deadline = new Deadline
        {
            SubjectType = "Test", SubjectId = "1", Title = "t", Rule = "r", Source = "s",
            StartsOn = D("2025-09-30"), Unit = PeriodUnit.WorkingDays, Amount = 5, EscalationLevel = 2,
        };
        deadline.MarkOverdue();
        deadline.Extensions.Add(new DeadlineExtension { Unit = PeriodUnit.WorkingDays, Amount = 3, Reason = "材料补正" });
        Renda.Web.Platform.Deadlines.Deadlines.Recompute(deadline, Calendar, D("2025-10-16")).ShouldBeTrue();
        deadline.DueOn.ShouldBe(D("2025-10-17"));
        // No longer past due: open again, escalation starts over.
        deadline.Status.ShouldBe(DeadlineStatus.Open);
        deadline.EscalationLevel.ShouldBe(0);
        deadline.CalendarProvisional.ShouldBeFalse();
    }
}

/// <summary>Merging notices: the next year's notice may change December; reloading a year keeps that.</summary>
public sealed class HolidayMergeTests
{
    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    private static readonly HolidayFile Year2040 = new(2040, [new(D("2040-10-01"), "国庆节", true)]);
    // Monday 2040-12-31 given off by the 2041 notice, with Saturday 2040-12-29 worked.
    private static readonly HolidayFile Year2041 = new(2041, [new(D("2040-12-29"), "元旦", false), new(D("2040-12-31"), "元旦", true), new(D("2041-01-01"), "元旦", true)]);

    [Fact]
    public void The_next_notice_changes_December_whichever_is_loaded_first()
    {
        foreach (var order in new[] { new[] { Year2040, Year2041 }, new[] { Year2041, Year2040 } })
        {
            var calendar = WorkCalendar.FromFiles(order);
            calendar.IsWorkingDay(D("2040-12-31")).ShouldBeFalse();
            calendar.IsWorkingDay(D("2040-12-29")).ShouldBeTrue();
            calendar.IsWorkingDay(D("2040-10-01")).ShouldBeFalse();
        }
    }

    [Fact]
    public void Reloading_a_year_replaces_its_days_but_keeps_the_next_notices_December()
    {
        var corrected = new HolidayFile(2040, [new(D("2040-10-02"), "国庆节", true)]);
        var calendar = WorkCalendar.FromFiles([Year2040, Year2041, corrected]);
        calendar.IsWorkingDay(D("2040-10-01")).ShouldBeTrue();  // dropped by the corrected notice
        calendar.IsWorkingDay(D("2040-10-02")).ShouldBeFalse();
        calendar.IsWorkingDay(D("2040-12-31")).ShouldBeFalse(); // still from the 2041 notice
    }
}

internal static class ShippedCalendar
{
    /// <summary>The files the program ships (copied to the output folder), loaded oldest first as at start-up.</summary>
    public static WorkCalendar Build()
        => WorkCalendar.FromFiles(Directory.GetFiles(WorkCalendar.ShippedFolder, "*.json").Order(StringComparer.Ordinal)
            .Select(f => HolidayFile.Parse(File.ReadAllBytes(f))));
}
