namespace Renda.Web.Platform.Web;

/// <summary>
/// The year a list or statistics page opens on (issue #20): the one asked for; else this year, if it has records; else the
/// latest year up to this one with records (a register of past work should not open empty on a quiet new year); else the
/// earliest later year with records (a plan drawn up for next year); else this year. <see cref="Years"/> is what the
/// chooser offers: the years with records, this year and the shown one, latest first. <see cref="Note"/> says why the page
/// shows another year than this one when nobody asked for it.
/// </summary>
public sealed record YearChoice(int Year, int ThisYear, IReadOnlyList<int> Years, bool Asked)
{
    public bool FellBack => !Asked && Year != ThisYear;
    public string? Note => FellBack ? $"显示 {Year} 年（{ThisYear} 年暂无记录）" : null;

    public static YearChoice Of(IEnumerable<int> withRecords, int? asked, int thisYear)
    {
        var years = withRecords.Distinct().ToList();
        var year = asked
            ?? (years.Contains(thisYear) ? thisYear
                : years.Where(y => y < thisYear).Select(y => (int?)y).Max()
                  ?? years.Where(y => y > thisYear).Select(y => (int?)y).Min()
                  ?? thisYear);
        return new YearChoice(year, thisYear, years.Append(thisYear).Append(year).Distinct().OrderDescending().ToList(), asked is not null);
    }

    /// <summary>Reads the distinct years of <paramref name="withRecords"/> (one small query) and chooses.</summary>
    public static async Task<YearChoice> ForAsync(IQueryable<int> withRecords, int? asked, TimeProvider clock, CancellationToken ct)
        => Of(await withRecords.Distinct().ToListAsync(ct), asked, Calendar.WorkCalendar.Today(clock).Year);
}
