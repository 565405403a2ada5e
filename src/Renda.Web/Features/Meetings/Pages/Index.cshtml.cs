using Microsoft.AspNetCore.Mvc;

namespace Renda.Web.Features.Meetings.Pages;

/// <summary>/meetings — the standing committee's meetings by year; staff schedule the next one here.</summary>
public class MeetingsIndexModel(RendaDbContext db) : MeetingPageModel(db)
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    public List<MeetingListItem> Meetings { get; private set; } = [];
    public List<int> Years { get; private set; } = [];
    public string CongressName { get; private set; } = "";

    [BindProperty] public ScheduleForm Schedule { get; set; } = new();
    public sealed class ScheduleForm
    {
        public DateOnly? StartsOn { get; set; }
        public DateOnly? EndsOn { get; set; }
        public string? Place { get; set; }
    }

    protected override async Task LoadAsync(CancellationToken ct)
    {
        var today = WorkCalendar.Today(Db.Clock);
        Year = await ChooseYearAsync(Db.Set<Meeting>().Where(m => m.CongressId == Actor.CongressId).Select(m => m.StartsOn.Year), Year, ct);
        CongressName = await Db.Congresses.Where(c => c.Id == Actor.CongressId).Select(c => c.ShortName).FirstAsync(ct);
        Years = [.. YearShown!.Years];
        Meetings = await MeetingQueries.ListAsync(Db, Actor.CongressId, Year, ct);
        Schedule.StartsOn ??= today.AddDays(14);
        Schedule.EndsOn ??= today.AddDays(15);
        Schedule.Place ??= "常委会会议室";
    }

    public Task<IActionResult> OnPostScheduleAsync(CancellationToken ct)
    {
        Meeting? created = null;
        return StepAsync(async a =>
        {
            if (Schedule.StartsOn is not { } s || Schedule.EndsOn is not { } e) throw Platform.Web.DomainException.Invalid("startsOn", "请填写会议日期。");
            created = await MeetingWorkflow.ScheduleAsync(Db, a, s, e, Schedule.Place ?? "", ct);
        }, "会议已安排。", () => $"/meetings/{created!.Id}", ct);
    }
}
