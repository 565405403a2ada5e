using System.Globalization;
using Renda.Web.Platform.Deadlines;

namespace Renda.Web.Features.Deputies;

/// <summary>The one clock of reception work: a referred opinion answered by the handling unit within ReferralReplyWorkingDays.</summary>
public static class ReceptionClocks
{

    public static class Purposes
    {
        /// <summary>Qualified by the handling unit, which owns the clock and is escalated when it runs out.</summary>
        public static ClockPurpose Reply(int unitId) => new("reply", unitId);
        public static readonly ClockPurpose AnyReply = new("reply");
    }

    public static ClockSpec Reply(DeputySettings s, int unitId, string summary) => new(Short($"群众意见答复：{summary}"),
        $"群众意见转交承办单位后{s.ReferralReplyWorkingDays}个工作日内答复", s.ReceptionBasis, PeriodUnit.WorkingDays, s.ReferralReplyWorkingDays, Purposes.Reply(unitId));

    public static ClockSubject Of(ConstituentOpinion o) => new(ConstituentOpinionWorkflow.Subject, o.Id.ToString(CultureInfo.InvariantCulture));

    public static string Short(string title) => title.Length <= 60 ? title : title[..59] + "…";
}
