using Renda.Web.Platform.Audit;

namespace Renda.Web.Features.Meetings;

/// <summary>That a deputy has voted: unique per ballot and deputy (no second ballot), with no link to the paper.</summary>
public class LivelihoodBallotReceipt : INotAudited
{
    public long Id { get; set; }
    public int BallotId { get; set; }
    public int DeputyId { get; set; }
}
