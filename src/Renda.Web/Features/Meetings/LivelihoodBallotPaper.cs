using System.ComponentModel.DataAnnotations;
using Renda.Web.Platform.Audit;

namespace Renda.Web.Features.Meetings;

/// <summary>A secret ballot paper: the ticked projects only ("3,7,9"), a random key, no deputy, no time.</summary>
public class LivelihoodBallotPaper : INotAudited
{
    public Guid Id { get; set; }
    public int BallotId { get; set; }
    [MaxLength(2000)] public required string Choices { get; set; }
}
