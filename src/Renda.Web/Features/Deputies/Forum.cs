using System.ComponentModel.DataAnnotations;

namespace Renda.Web.Features.Deputies;

public enum ForumParticipantKind { Deputy = 1, Expert = 2, Department = 3, Other = 4 }

/// <summary>Where an opinion raised at a forum went: 转交承办单位, 形成代表建议, 吸收进决议决定, 留存参考.</summary>
public enum OpinionDestination { Transferred = 1, Suggestion = 2, Decision = 3, Noted = 4 }

/// <summary>代表论坛: a theme discussed by deputies with experts and departments, the opinions raised and where each went.</summary>
public class Forum
{
    public const string Subject = "Forum";
    public int Id { get; set; }
    public int CongressId { get; set; }
    public int Year { get; set; }
    [MaxLength(300)] public required string Theme { get; set; }
    public DateOnly HeldOn { get; set; }
    [MaxLength(300)] public string? Place { get; set; }
    public DateTime CreatedAt { get; set; }
    public List<ForumParticipant> Participants { get; set; } = [];
    public List<ForumOpinion> Opinions { get; set; } = [];
}

public class ForumParticipant
{
    public int Id { get; set; }
    public int ForumId { get; set; }
    public ForumParticipantKind Kind { get; set; } = ForumParticipantKind.Deputy;
    public int? DeputyId { get; set; }
    [MaxLength(100)] public required string Name { get; set; }
}

public class ForumOpinion
{
    public int Id { get; set; }
    public int ForumId { get; set; }
    [MaxLength(5000)] public required string Text { get; set; }
    [MaxLength(100)] public required string RaisedBy { get; set; }
    /// <summary>Null until staff record where it went.</summary>
    public OpinionDestination? Destination { get; set; }
    /// <summary>The handling unit, the suggestion's number or link, the decision's title, or a note.</summary>
    [MaxLength(500)] public string? DestinationDetail { get; set; }
    public DateOnly? RoutedOn { get; set; }
}
