using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Renda.Web.Platform.Calendar;

/// <summary>/admin/calendar: which years are loaded, their holidays and make-up days, and loading a new year's notice.</summary>
[Authorize(Roles = nameof(Role.SystemAdministrator))]
public class CalendarAdminModel(RendaDbContext db, WorkCalendarCache calendars) : PageModel
{
    public List<CalendarYearView> Years { get; private set; } = [];
    public int ShownYear { get; private set; }
    public List<HolidayEntry> ShownDays { get; private set; } = [];
    public bool ShownYearLoaded { get; private set; }
    public string? Message { get; private set; }
    public string? Error { get; private set; }

    public async Task OnGetAsync(int? year, CancellationToken ct) => await LoadAsync(year, ct);

    public async Task<IActionResult> OnPostAsync(IFormFile? file, CancellationToken ct)
    {
        int? shown = null;
        if (file is null || file.Length == 0)
            Error = "请选择要上传的年度放假安排数据文件（.json）。";
        else if (file.Length > HolidayFile.MaxBytes)
            Error = $"文件过大（超过 {HolidayFile.MaxBytes / 1024} KB），不是放假安排文件。未写入任何数据。";
        else
        {
            try
            {
                await using var stream = file.OpenReadStream();
                var parsed = await HolidayFile.ReadAsync(stream, ct);
                var result = await WorkCalendar.ImportAsync(db, parsed, $"管理员上传 {Path.GetFileName(file.FileName)}", ct);
                Message = result.Summary;
                shown = result.Year;
            }
            catch (DomainException e)
            {
                Error = e.Message;
            }
        }
        await LoadAsync(shown, ct);
        return Page();
    }

    private async Task LoadAsync(int? year, CancellationToken ct)
    {
        Years = await CalendarApi.YearsAsync(db, ct);
        var calendar = await calendars.GetAsync(db, ct);
        ShownYear = year ?? (Years.Count > 0 ? Years.Max(y => y.Year) : WorkCalendar.Today(db.Clock).Year);
        ShownYearLoaded = calendar.IsLoaded(ShownYear);
        ShownDays = calendar.SpecialDaysOf(ShownYear).ToList();
    }

    /// <summary>The current and next year, if not loaded: deadlines there are provisional, so the page says so.</summary>
    public IEnumerable<int> MissingYears()
    {
        var thisYear = WorkCalendar.Today(db.Clock).Year;
        return new[] { thisYear, thisYear + 1 }.Where(y => Years.All(l => l.Year != y));
    }
}
