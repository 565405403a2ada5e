namespace Renda.Web.Platform.Demo;

/// <summary>What a module's SeedX needs to load its part of the demo story (after the platform's people and accounts).</summary>
public sealed record DemoSeed(RendaDbContext Db, WorkCalendar Calendar, string Password);
