using System.Globalization;
using Renda.Web.Platform.Deadlines;
using Renda.Web.Platform.Organisations;

namespace Renda.Web.Features.Legislation;

/// <summary>The legislation work's clocks in one place, with lengths from the congress's <see cref="LegislationSettings"/>.</summary>
public static class LegislationClocks
{
    /// <summary>What each clock is for.</summary>
    public static class Purposes
    {
        /// <summary>The regulation's filing with the congress above (on the bill).</summary>
        public static readonly ClockPurpose Filing = new("filing");
        /// <summary>The province's review and approval (on the approval).</summary>
        public static readonly ClockPurpose Approval = new("approval");
    }

    /// <summary>The subject types of the clocks (and of the agenda items, for bills and approvals).</summary>
    public const string FilingSubject = "BillFiling";
    public const string ApprovalSubject = "Approval";


    public static string FilingRule(LegislationSettings st) => $"地方性法规公布后{ChineseNumerals.Of(st.FilingDays)}日内报上一级人大常委会备案";

    public static string ApprovalRule(LegislationSettings st) => "设区的市、自治州的地方性法规报省、自治区人大常委会批准，省、自治区人大常委会对其合法性进行审查，认为同宪法、法律、行政法规和本省、自治区的地方性法规不抵触的，"
        + $"应当在{ChineseNumerals.Of(st.ApprovalMonths)}个月内予以批准";

    public static ClockSpec Filing(LegislationSettings st, string title) => new($"《{title}》报送备案", FilingRule(st), st.FilingBasis,
        PeriodUnit.CalendarDays, st.FilingDays, Purposes.Filing);

    public static ClockSpec Approval(LegislationSettings st, string title) => new($"审查批准《{title}》", ApprovalRule(st), st.ApprovalBasis,
        PeriodUnit.Months, st.ApprovalMonths, Purposes.Approval);

    public static Deadline StartFiling(RendaDbContext db, WorkCalendar calendar, LegislationSettings st, Bill bill, DateOnly on, int ownerAccountId)
        => Deadlines.Start(db, calendar, new ClockStart(bill.CongressId, new ClockSubject(FilingSubject, bill.Id.ToString(CultureInfo.InvariantCulture)),
            Filing(st, bill.Title), on, ClockOwner.Account(ownerAccountId)));

    /// <summary>The approval's clock runs in the approving (provincial) congress, with its settings.</summary>
    public static Deadline StartApproval(RendaDbContext db, WorkCalendar calendar, LegislationSettings province, Approval a)
        => Deadlines.Start(db, calendar, new ClockStart(a.CongressId, new ClockSubject(ApprovalSubject, a.Id.ToString(CultureInfo.InvariantCulture)),
            Approval(province, a.Title), a.SubmittedOn));

    public static async Task<Deadline?> RunningFilingAsync(RendaDbContext db, Bill bill, CancellationToken ct)
        => (await Deadlines.RunningForAsync(db, FilingSubject, bill.Id.ToString(CultureInfo.InvariantCulture), ct)).FirstOrDefault(d => Purposes.Filing.Matches(d.Purpose) || d.Purpose is null);
}
