using System.Globalization;
using Renda.Web.Platform.Deadlines;

namespace Renda.Web.Features.Filings;

/// <summary>
/// The clocks of filing and review in one place (DOMAIN.md §4), with lengths from the congress's FilingSettings, so the
/// workflows and the demo history start exactly the same ones. Each clock cites the basis the settings name; a running clock keeps
/// the basis it was started with (it is the clock's record).
/// </summary>
public static class FilingClocks
{

    /// <summary>What each clock is for: a filing's intake, a review's stages, a suggestion's feedback.</summary>
    public static class Purposes
    {
        public static readonly ClockPurpose Check = new("check");
        public static readonly ClockPurpose Resubmit = new("resubmit");
        public static readonly ClockPurpose Pass = new("pass");
        public static readonly ClockPurpose Review = new("review");
        public static readonly ClockPurpose CommitteeView = new("committee");
        public static readonly ClockPurpose Reply = new("reply");
        public static readonly ClockPurpose Complete = new("complete");
        public static readonly ClockPurpose TakeUp = new("takeup");
    }

    public static ClockSpec Check(FilingSettings s, string title) => new(Short($"形式审查：{title}"),
        $"收到备案文件之日起{s.FormalCheckDays}日内完成形式审查：登记回执、退回补正或移交", s.IntakeBasis, PeriodUnit.CalendarDays, s.FormalCheckDays, Purposes.Check);

    public static ClockSpec Resubmit(FilingSettings s, string title) => new(Short($"补正后重新报送：{title}"),
        $"退回之日起{s.ResubmitDays}日内补正后重新报送", s.IntakeBasis, PeriodUnit.CalendarDays, s.ResubmitDays, Purposes.Resubmit);

    public static ClockSpec Pass(FilingSettings s, string title) => new(Short($"移交专门委员会审查：{title}"),
        $"登记后{s.PassWorkingDays}个工作日内移交有关专门委员会审查", s.ReviewBasis, PeriodUnit.WorkingDays, s.PassWorkingDays, Purposes.Pass);

    public static ClockSpec Review(FilingSettings s, string title) => new(Short($"审查：{title}"),
        $"移交之日起{s.ReviewMonths}个月内完成审查；情况复杂的可延长{s.ReviewExtensionMonths}个月", s.ReviewBasis, PeriodUnit.Months, s.ReviewMonths, Purposes.Review);

    public static ClockSpec CommitteeView(FilingSettings s, string title) => new(Short($"专门委员会审查意见：{title}"),
        $"专门委员会收到之日起{s.CommitteeViewDays}日内提出审查意见", s.CommitteeViewBasis, PeriodUnit.CalendarDays, s.CommitteeViewDays, Purposes.CommitteeView);

    public static ClockSpec Reply(FilingSettings s, string title) => new(Short($"书面审查意见答复：{title}"),
        $"制定机关收到书面审查意见后{s.OpinionReplyDays}日内研究提出是否修改、废止的意见并回复", s.OpinionBasis, PeriodUnit.CalendarDays, s.OpinionReplyDays, Purposes.Reply);

    public static ClockSpec SuggestionComplete(FilingSettings s, string title) => new(Short($"审查建议材料审核：{title}"),
        $"审查建议材料不全的，{s.SuggestionIncompleteWorkingDays}个工作日内告知建议人补充", s.FeedbackBasis, PeriodUnit.WorkingDays, s.SuggestionIncompleteWorkingDays, Purposes.Complete);

    public static ClockSpec SuggestionTakeUp(FilingSettings s, string title) => new(Short($"审查建议是否启动审查：{title}"),
        $"不予审查的，{s.SuggestionNotTakenUpDays}日内告知建议人并说明理由", s.FeedbackBasis, PeriodUnit.CalendarDays, s.SuggestionNotTakenUpDays, Purposes.TakeUp);

    public static ClockSubject Of(Filing f) => new(FilingWorkflow.Subject, Key(f.Id));
    public static ClockSubject Of(Review r) => new(ReviewWorkflow.Subject, Key(r.Id));
    public static ClockSubject Of(ReviewSuggestion s) => new(ReviewSuggestionWorkflow.Subject, Key(s.Id));

    public static Deadline Start(RendaDbContext db, WorkCalendar calendar, int congressId, ClockSubject subject, ClockSpec clock, DateOnly from, ClockOwner owner = default)
        => Deadlines.Start(db, calendar, new ClockStart(congressId, subject, clock, from, owner));

    /// <summary>Completes the record's running clock of the purpose (every running clock when none is given).</summary>
    public static async Task CompleteAsync(RendaDbContext db, ClockSubject subject, ClockPurpose? purpose, CancellationToken ct)
    {
        foreach (var d in await RunningAsync(db, subject, purpose, ct)) Deadlines.Complete(db, d);
    }

    public static async Task CancelAsync(RendaDbContext db, ClockSubject subject, ClockPurpose purpose, CancellationToken ct)
    {
        foreach (var d in await RunningAsync(db, subject, purpose, ct)) Deadlines.Cancel(db, d);
    }

    public static async Task<List<Deadline>> RunningAsync(RendaDbContext db, ClockSubject subject, ClockPurpose? purpose, CancellationToken ct)
        // A clock completed earlier in this unit of work is still "running" in the database, not in the tracker.
        => (await Deadlines.RunningForAsync(db, subject.Type, subject.Id, ct))
            .Where(d => (purpose is null || purpose.Value.Matches(d.Purpose)) && d.Status is DeadlineStatus.Open or DeadlineStatus.Overdue).ToList();

    public static string Key(int id) => id.ToString(CultureInfo.InvariantCulture);
    public static string Short(string title) => title.Length <= 200 ? title : title[..199] + "…";
}
