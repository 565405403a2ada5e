namespace Renda.Web.Features.Meetings;

/// <summary>A deputy's year-end evaluation of an adopted project; one per deputy and project.</summary>
public class LivelihoodEvaluation
{
    public int Id { get; set; }
    public int ProjectId { get; set; }
    public int DeputyId { get; set; }
    public Satisfaction Result { get; set; } = Satisfaction.Satisfied;
    public DateTime At { get; set; }
}
