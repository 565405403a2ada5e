using Renda.Web.Platform.Organisations;

namespace Renda.Web.Features.Deputies;

/// <summary>Chinese names of the states and kinds of trainings, forums, contact records and joint inspections.</summary>
public static class DeputyActivitiesLabels
{
    public static string Of(TrainingStatus s) => s switch
    {
        TrainingStatus.Planned => "进行中",
        TrainingStatus.Completed => "已结束",
    };

    public static string Of(TraineeKind k) => k switch
    {
        TraineeKind.Deputy => "人大代表",
        TraineeKind.Staff => "人大干部",
        TraineeKind.Other => "其他人员",
    };

    public static string Of(Attendance a) => a switch
    {
        Attendance.Unmarked => "未登记",
        Attendance.Attended => "出席",
        Attendance.Absent => "缺席",
    };

    public static string Of(ForumParticipantKind k) => k switch
    {
        ForumParticipantKind.Deputy => "人大代表",
        ForumParticipantKind.Expert => "专家学者",
        ForumParticipantKind.Department => "部门",
        ForumParticipantKind.Other => "其他",
    };

    public static string Of(OpinionDestination d) => d switch
    {
        OpinionDestination.Transferred => "转交承办单位",
        OpinionDestination.Suggestion => "形成代表建议",
        OpinionDestination.Decision => "吸收进决议决定",
        OpinionDestination.Noted => "留存参考",
    };

    public static string Of(OpinionDestination? d) => d is { } v ? Of(v) : "待定去向";

    public static string Of(ContactorGroup g) => g switch
    {
        ContactorGroup.Members => "常委会组成人员",
        ContactorGroup.Council => "主任会议成员",
        ContactorGroup.Deputies => "人大代表",
        ContactorGroup.Staff => "专门委员会和机关工作人员",
    };

    public static string Of(ContactMethod m) => m switch
    {
        ContactMethod.Visit => "走访",
        ContactMethod.Symposium => "座谈",
        ContactMethod.Phone => "电话",
        ContactMethod.Online => "网络",
    };

    public static string Of(ContactorRole r) => r switch
    {
        ContactorRole.Member => "常委会组成人员",
        ContactorRole.Deputy => "人大代表",
        ContactorRole.Staff => "工作人员",
    };

    /// <summary>省/州/县/乡: the four levels of a joint inspection, in the seed's words.</summary>
    public static string LevelOf(RegionLevel level) => level switch
    {
        RegionLevel.National => "全国",
        RegionLevel.Province => "省",
        RegionLevel.Prefecture => "州",
        RegionLevel.County => "县",
        RegionLevel.Township => "乡",
    };
}
