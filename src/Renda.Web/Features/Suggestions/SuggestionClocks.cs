using Renda.Web.Platform.Deadlines;

namespace Renda.Web.Features.Suggestions;

/// <summary>
/// The suggestion's clocks in one place (DOMAIN.md §2), with lengths from the congress's settings,
/// so the workflow and the demo history start exactly the same ones. Each clock's basis is the congress's setting too; a running
/// clock keeps the rule and basis it was started with (Deadline.Rule/Source are its record, like its period), so a changed
/// setting applies to clocks started afterwards — the settings page says so.
/// </summary>
public static class SuggestionClocks
{
    /// <summary>What each clock of a suggestion is for; the per-unit ones carry the handling unit.</summary>
    public static class Purposes
    {
        public static readonly ClockPurpose Assign = new("assign");
        public static readonly ClockPurpose Reassign = new("reassign");
        public static readonly ClockPurpose Rating = new("rating");
        public static ClockPurpose Answer(int? unitId = null) => new("answer", unitId);
        public static ClockPurpose Contact(int? unitId = null) => new("contact", unitId);
        public static ClockPurpose CoViews(int? unitId = null) => new("co-views", unitId);
        public static ClockPurpose Rehandle(int? unitId = null) => new("rehandle", unitId);
    }

    public static ClockSpec Assign(SuggestionSettings st, string? number) => new($"交办建议 {number}", $"代表建议应自收到之日起 {st.AssignWorkingDays} 个工作日内交办",
        st.AssignBasis, PeriodUnit.WorkingDays, st.AssignWorkingDays, Purposes.Assign);

    public static ClockSpec Answer(SuggestionSettings st, string? number, int unitId) => new($"答复代表 {number}",
        $"承办单位应自交办之日起 {st.AnswerMonths} 个月内答复代表；情况复杂的经批准可延长，最长不超过 {st.AnswerMaxMonths} 个月",
        st.AnswerBasis, PeriodUnit.Months, st.AnswerMonths, Purposes.Answer(unitId));

    public static ClockSpec Contact(SuggestionSettings st, string? number, int unitId) => new($"联系代表 {number}", $"承办单位应自交办之日起 {st.FirstContactWorkingDays} 个工作日内与代表联系沟通",
        st.ContactBasis, PeriodUnit.WorkingDays, st.FirstContactWorkingDays, Purposes.Contact(unitId));

    public static ClockSpec CoViews(SuggestionSettings st, string? number, int unitId) => new($"协办意见 {number}", $"协办单位应自交办之日起 {st.CoViewsMonths} 个月内向主办单位提出书面协办意见",
        st.CoViewsBasis, PeriodUnit.Months, st.CoViewsMonths, Purposes.CoViews(unitId));

    public static ClockSpec Reassign(SuggestionSettings st, string? number) => new($"重新交办 {number}", $"承办单位退回的建议，应自退回之日起 {st.ReassignWorkingDays} 个工作日内重新交办",
        st.ReassignBasis, PeriodUnit.WorkingDays, st.ReassignWorkingDays, Purposes.Reassign);

    public static ClockSpec Rating(SuggestionSettings st, string? number) => new($"评价答复 {number}", $"代表应自收到答复之日起 {st.RatingWorkingDays} 个工作日内评价；逾期未评价的不计入满意率",
        st.RatingBasis, PeriodUnit.WorkingDays, st.RatingWorkingDays, Purposes.Rating);

    public static ClockSpec Rehandle(SuggestionSettings st, string? number, int unitId) => new($"重新办理 {number}", $"代表对答复不满意的，承办单位应在 {st.RehandlingMonths} 个月内重新办理并答复",
        st.RehandleBasis, PeriodUnit.Months, st.RehandlingMonths, Purposes.Rehandle(unitId));

    /// <summary>The clocks a unit's assignment starts: co-units owe their views; lead and separate units the contact and the answer.</summary>
    public static IEnumerable<(ClockSpec Clock, int UnitId)> ForAssignments(SuggestionSettings st, Suggestion s, IEnumerable<SuggestionAssignment> assignments)
    {
        foreach (var a in assignments.Where(a => a.Can(AssignmentAction.Answer)))
        {
            if (a.Role == AssignmentRole.Co)
            {
                yield return (CoViews(st, s.Number, a.HandlingUnitId), a.HandlingUnitId);
                continue;
            }
            yield return (Answer(st, s.Number, a.HandlingUnitId), a.HandlingUnitId);
            yield return (Contact(st, s.Number, a.HandlingUnitId), a.HandlingUnitId);
        }
    }

    public static Deadline Start(RendaDbContext db, WorkCalendar calendar, Suggestion s, ClockSpec c, DateOnly from, ClockOwner owner)
        => Deadlines.Start(db, calendar, new ClockStart(s.CongressId, new ClockSubject(SuggestionWorkflow.Subject, SuggestionWorkflow.Id(s)), c, from, owner));
}
