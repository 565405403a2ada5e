using System.ComponentModel.DataAnnotations;

namespace Renda.Web.Features.Deputies;

public enum TrainingStatus { Planned = 1, Completed = 2 }

public enum TrainingAction { Enrol = 1, MarkAttendance = 2, Complete = 3 }

/// <summary>A trainee is a deputy (of any congress in the organiser's line of the tree) or a person named only: 人大干部 or another.</summary>
public enum TraineeKind { Deputy = 1, Staff = 2, Other = 3 }

public enum Attendance { Unmarked = 1, Attended = 2, Absent = 3 }

/// <summary>
/// 履职能力提升培训班: one session organised by a congress. Trainees are enrolled while it is planned; attendance is marked
/// from its first day on (and may be corrected after it is completed); person-times are the trainees who attended.
/// </summary>
public class Training
{
    public const string Subject = "Training";
    public int Id { get; set; }
    public int CongressId { get; set; }
    public int Year { get; set; }
    [MaxLength(300)] public required string Title { get; set; }
    public DateOnly StartsOn { get; set; }
    public DateOnly EndsOn { get; set; }
    [MaxLength(2000)] public string? Topics { get; set; }
    [MaxLength(300)] public string? Place { get; set; }
    [MaxLength(200)] public string? Organiser { get; set; }
    public DateTime CreatedAt { get; set; }
    public TrainingStatus Status { get; private set; } = TrainingStatus.Planned;
    public List<TrainingTrainee> Trainees { get; set; } = [];

    public static readonly StateMachine<TrainingStatus, TrainingAction> Machine = new("培训班", DeputyActivitiesLabels.Of,
        Allow.Row(TrainingAction.Enrol, "添加学员", ActorKinds.Staff, TrainingStatus.Planned),
        // A completed training's attendance may still be corrected (a late sign-in sheet): the duty records follow.
        Allow.Row(TrainingAction.MarkAttendance, "登记出勤", ActorKinds.Staff, TrainingStatus.Planned, TrainingStatus.Completed),
        Allow.Row(TrainingAction.Complete, "结束培训", ActorKinds.Staff, TrainingStatus.Planned));

    public bool Can(TrainingAction action, Actor? actor = null) => Machine.Can(Status, action, actor);

    public void Enrol(TrainingTrainee trainee)
    {
        Machine.Require(Status, TrainingAction.Enrol);
        Trainees.Add(trainee);
    }

    public void MarkAttendance(TrainingTrainee trainee, Attendance attendance, string? absenceReason, DateOnly today)
    {
        Machine.Require(Status, TrainingAction.MarkAttendance);
        if (today < StartsOn) throw DomainException.Conflict($"培训班 {StartsOn:yyyy-MM-dd} 开班，开班前不能登记出勤。");
        trainee.Attendance = attendance;
        trainee.AbsenceReason = attendance == Attendance.Absent ? absenceReason : null;
    }

    public void Complete(DateOnly today)
    {
        Machine.Require(Status, TrainingAction.Complete);
        if (today < EndsOn) throw DomainException.Conflict($"培训班 {EndsOn:yyyy-MM-dd} 结业，结业前不能结束。");
        if (Trainees.FirstOrDefault(t => t.Attendance == Attendance.Unmarked) is { } open)
            throw DomainException.Conflict($"学员“{open.Name}”尚未登记出勤，请先登记全部学员的出勤。");
        Status = TrainingStatus.Completed;
    }
}

public class TrainingTrainee
{
    public int Id { get; set; }
    public int TrainingId { get; set; }
    public TraineeKind Kind { get; set; } = TraineeKind.Deputy;
    public int? DeputyId { get; set; }
    [MaxLength(50)] public required string Name { get; set; }
    /// <summary>单位或职务 of a trainee named only; the congress of a deputy.</summary>
    [MaxLength(200)] public string? Affiliation { get; set; }
    public Attendance Attendance { get; set; } = Attendance.Unmarked;
    [MaxLength(300)] public string? AbsenceReason { get; set; }
}
