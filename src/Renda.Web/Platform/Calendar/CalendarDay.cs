using System.ComponentModel.DataAnnotations;

namespace Renda.Web.Platform.Calendar;

/// <summary>
/// A day that differs from the plain week: an official holiday on a weekday (IsOffDay) or a
/// weekend day that is worked (调休, !IsOffDay). Other days follow Monday–Friday.
/// </summary>
public class CalendarDay
{
    public DateOnly Date { get; set; }
    public bool IsOffDay { get; set; }
    [MaxLength(50)] public required string Name { get; set; }
}

/// <summary>A calendar year whose State Council notice has been loaded. A year missing here is plain weekends.</summary>
public class CalendarYear
{
    public int Year { get; set; }
    public DateTime LoadedAt { get; set; }
    [MaxLength(200)] public string? Source { get; set; }
}
