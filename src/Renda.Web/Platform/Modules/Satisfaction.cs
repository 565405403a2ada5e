namespace Renda.Web.Platform.Modules;

/// <summary>满意 / 基本满意 / 不满意: how deputies rate an answer to their suggestion and a livelihood project's outcome.</summary>
public enum Satisfaction { Satisfied = 1, BasicallySatisfied = 2, Dissatisfied = 3 }
