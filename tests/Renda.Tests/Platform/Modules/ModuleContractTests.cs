using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Renda.Tests.Infrastructure;
using Renda.Web.Data;

namespace Renda.Tests.Platform.Modules;

/// <summary>
/// docs/MODULES.md, checked on the running application's model and assembly, so a new module (or a change to an old one)
/// that bypasses the contract fails here rather than in review.
/// </summary>
public sealed class ModuleContractTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private static readonly Assembly Web = typeof(RendaDbContext).Assembly;

    [Fact]
    public async Task Only_an_entity_writes_its_own_state()
    {
        await using var scope = app.Db();
        var settable = scope.Context.Model.GetEntityTypes()
            .Select(e => e.ClrType).Where(t => t.Namespace?.StartsWith("Renda.Web.Features", StringComparison.Ordinal) == true)
            .Select(t => t.GetProperty("Status"))
            .Where(p => p?.SetMethod is { IsPublic: true })
            .Select(p => $"{p!.DeclaringType!.Name}.Status").ToList();
        settable.ShouldBeEmpty();
    }

    [Fact]
    public void Every_state_machine_has_a_row_for_each_action_and_its_entity_answers_Can()
    {
        // Reading each Machine runs its table's own check (a missing row throws while the type initialises).
        var machines = Web.GetTypes()
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.FieldType.IsGenericType
                && f.FieldType.GetGenericTypeDefinition() == typeof(StateMachine<,>)).Select(f => (Type: t, Field: f)))
            .ToList();
        machines.Count.ShouldBeGreaterThanOrEqualTo(15);
        foreach (var (type, field) in machines)
        {
            field.GetValue(null).ShouldNotBeNull();
            var action = field.FieldType.GetGenericArguments()[1];
            type.GetMethods().Any(m => m.Name == "Can" && m.GetParameters().FirstOrDefault()?.ParameterType == action)
                .ShouldBeTrue($"{type.Name} has a state machine but no Can({action.Name})");
        }
    }

    [Fact]
    public void Module_actors_derive_from_the_one_actor()
    {
        var actors = Web.GetTypes().Where(t => t.Namespace?.StartsWith("Renda.Web.Features", StringComparison.Ordinal) == true && t.Name.EndsWith("Actor", StringComparison.Ordinal) && !t.IsInterface).ToList();
        actors.Count.ShouldBeGreaterThanOrEqualTo(5);
        actors.Where(t => !t.IsSubclassOf(typeof(Actor))).Select(t => t.Name).ShouldBeEmpty();
    }

    [Fact]
    public void Module_settings_are_congress_settings_read_one_way()
    {
        var settings = Web.GetTypes().Where(t => t.Namespace?.StartsWith("Renda.Web.Features", StringComparison.Ordinal) == true && t.Name.EndsWith("Settings", StringComparison.Ordinal) && t.IsClass && !t.IsAbstract).ToList();
        settings.Count.ShouldBeGreaterThanOrEqualTo(5);
        settings.Where(t => !t.IsSubclassOf(typeof(CongressSettings))).Select(t => t.Name).ShouldBeEmpty();
        settings.Where(t => t.GetMethod("ForAsync", BindingFlags.Public | BindingFlags.Static) is not null).Select(t => t.Name).ShouldBeEmpty();
    }

    [Fact]
    public void The_platform_names_no_module_type()
    {
        // Platform code learns about modules through interfaces (INotAudited, IWorkbenchItems, IAgendaSubject …): a field, parameter,
        // return or base type from Features inside Platform means a module leaked into it.
        var leaks = Web.GetTypes().Where(t => t.Namespace?.StartsWith("Renda.Web.Platform", StringComparison.Ordinal) == true)
            .SelectMany(t => Mentions(t).SelectMany(Flatten).Where(m => m.Namespace?.StartsWith("Renda.Web.Features", StringComparison.Ordinal) == true).Select(m => $"{t.Name} → {m.Name}"))
            .Distinct().ToList();
        leaks.ShouldBeEmpty();
    }

    private static IEnumerable<Type> Flatten(Type t)
    {
        yield return t;
        foreach (var a in t.IsGenericType ? t.GetGenericArguments() : t.HasElementType ? [t.GetElementType()!] : [])
            foreach (var inner in Flatten(a))
                yield return inner;
    }

    private static IEnumerable<Type> Mentions(Type t)
    {
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        if (t.BaseType is { } b) yield return b;
        foreach (var f in t.GetFields(all)) yield return f.FieldType;
        foreach (var p in t.GetProperties(all)) yield return p.PropertyType;
        foreach (var m in t.GetMethods(all))
        {
            yield return m.ReturnType;
            foreach (var p in m.GetParameters()) yield return p.ParameterType;
            foreach (var l in m.GetMethodBody()?.LocalVariables ?? []) yield return l.LocalType;
        }
    }
}
