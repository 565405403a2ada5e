using System.Buffers;
using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Renda.Web.Platform.Web;

/// <summary>
/// The one validation layer every API request body and every page form passes before a handler runs: DataAnnotations
/// ([Required], [MaxLength], [Range]; each step's own length limits stay with its rules), and three rules no handler has
/// to remember — text has no control characters (newline, carriage return and tab excepted), dates lie in a plausible range, and enum values are
/// members of their enum. A missing number, enum or bool never reaches a handler as its default: the JSON reader refuses
/// it (<see cref="RequireValueFields"/>), and a form's missing enum is not a member (enums start at 1, see EnumTests).
/// <see cref="StoredValues"/> applies the text and date rules again to everything saved, whatever path it came by.
/// </summary>
public static class RequestValidation
{
    public static readonly DateOnly EarliestDate = new(1949, 10, 1);
    public static readonly DateOnly LatestDate = new(2100, 12, 31);

    private static readonly SearchValues<char> ControlCharacters = SearchValues.Create(
        Enumerable.Range(0, 0x20).Where(c => c is not ('\t' or '\n' or '\r')).Concat(Enumerable.Range(0x7F, 0x21)).Select(c => (char)c).ToArray());

    public static bool HasControlCharacter(string text) => text.AsSpan().IndexOfAny(ControlCharacters) >= 0;

    /// <summary>What a form says of a date that is not one (a month 13, a 30 February): the value, and how to write a date.</summary>
    public static string InvalidDateMessage(string value) => $"填写的“{value}”不是有效的日期，请按“年-月-日”填写，如 2026-03-15。";

    public const string ControlCharacterMessage = "不能包含控制字符（如 U+0000），请删除后重新提交。";

    /// <summary>The errors of a request object and the objects and lists inside it, keyed by JSON path ("units[0].unitId").</summary>
    /// <param name="annotations">false for page forms, which show DataAnnotations errors beside their fields themselves.</param>
    public static Dictionary<string, string[]> Validate(object model, bool annotations = true)
    {
        var errors = new Dictionary<string, List<string>>();
        Walk(model, "", errors, annotations, depth: 0);
        return errors.ToDictionary(e => e.Key, e => e.Value.ToArray());
    }

    private static void Walk(object model, string prefix, Dictionary<string, List<string>> errors, bool annotations, int depth)
    {
        if (depth > 8) return;
        if (annotations)
            foreach (var (member, message) in Problems.Validate(model).SelectMany(e => e.Value.Select(m => (e.Key, m))))
                Add(errors, Join(prefix, member), message);
        foreach (var p in PropertiesOf(model.GetType()))
        {
            var value = p.Property.GetValue(model);
            var path = Join(prefix, p.JsonName);
            switch (value)
            {
                case null:
                    break;
                case string s:
                    if (HasControlCharacter(s))
                        Add(errors, path, ControlCharacterMessage);
                    break;
                case DateOnly d:
                    CheckDate(d, p, path, errors);
                    break;
                case DateTime t:
                    CheckDate(DateOnly.FromDateTime(t), p, path, errors);
                    break;
                case DateTimeOffset t:
                    CheckDate(DateOnly.FromDateTime(t.UtcDateTime), p, path, errors);
                    break;
                case Enum e:
                    if (!Enum.IsDefined(e.GetType(), e))
                        Add(errors, path, "请选择一项。");
                    break;
                case IEnumerable list when IsRequestType(ElementType(p.Property.PropertyType)) || ElementType(p.Property.PropertyType) == typeof(string):
                    var i = 0;
                    foreach (var item in list)
                    {
                        if (item is string text)
                        {
                            if (HasControlCharacter(text)) Add(errors, $"{path}[{i}]", ControlCharacterMessage);
                        }
                        else if (item is not null)
                            Walk(item, $"{path}[{i}]", errors, annotations, depth + 1);
                        i++;
                    }
                    break;
                default:
                    if (IsRequestType(value.GetType()))
                        Walk(value, path, errors, annotations, depth + 1);
                    break;
            }
        }
    }

    private static void CheckDate(DateOnly d, Checked p, string path, Dictionary<string, List<string>> errors)
    {
        var (earliest, latest) = p.Dates is { } r ? (r.Earliest, r.Latest) : (EarliestDate, LatestDate);
        if (d < earliest || d > latest)
            Add(errors, path, $"日期 {d:yyyy-MM-dd} 不在合理范围内（{earliest:yyyy-MM-dd} 至 {latest:yyyy-MM-dd}）。");
    }

    private static void Add(Dictionary<string, List<string>> errors, string key, string message)
    {
        if (!errors.TryGetValue(key, out var list)) errors[key] = list = [];
        if (!list.Contains(message)) list.Add(message);
    }

    private static string Join(string prefix, string member) => prefix.Length == 0 ? member : member.Length == 0 ? prefix : $"{prefix}.{member}";

    private sealed record Checked(PropertyInfo Property, string JsonName, PlausibleDatesAttribute? Dates);

    private static readonly ConcurrentDictionary<Type, Checked[]> Properties = new();

    private static Checked[] PropertiesOf(Type type) => Properties.GetOrAdd(type, t => t
        .GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(p => p.GetIndexParameters().Length == 0 && p.CanRead)
        .Select(p => new Checked(p, JsonNamingPolicy.CamelCase.ConvertName(p.Name), p.GetCustomAttribute<PlausibleDatesAttribute>()))
        .ToArray());

    private static Type? ElementType(Type t) => t.IsArray ? t.GetElementType() : t.IsGenericType ? t.GetGenericArguments()[0] : null;

    /// <summary>A type of this application that requests bind to (a record or class of ours; not a service).</summary>
    private static bool IsRequestType(Type? t) => t is not null && t.Assembly == typeof(RequestValidation).Assembly && t.IsClass && !typeof(Delegate).IsAssignableFrom(t);

    /// <summary>
    /// The JSON reader's rule: a number, bool, date or enum of a request that has no default written in its declaration
    /// must be sent. Without it `{}` bound Role to its first member (a system administrator) and a ballot to 赞成.
    /// </summary>
    public static void RequireValueFields(JsonTypeInfo info)
    {
        // Anonymous types are only ever written (responses), and the reader cannot require what it cannot set.
        if (info.Kind != JsonTypeInfoKind.Object || info.Type.Assembly != typeof(RequestValidation).Assembly
            || info.Type.IsDefined(typeof(System.Runtime.CompilerServices.CompilerGeneratedAttribute), false)) return;
        foreach (var p in info.Properties)
        {
            if (!p.PropertyType.IsValueType || Nullable.GetUnderlyingType(p.PropertyType) is not null) continue;
            if (p.AssociatedParameter is { } parameter ? !parameter.HasDefaultValue : p.Set is not null)
                p.IsRequired = true;
        }
    }

    /// <summary>Validates every request object an API endpoint binds, before the handler runs: 400 naming the fields.</summary>
    public sealed class EndpointFilter : IEndpointFilter
    {
        public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
        {
            var services = context.HttpContext.RequestServices.GetService<IServiceProviderIsService>();
            foreach (var argument in context.Arguments)
            {
                if (argument is null || !IsRequestType(argument.GetType()) || services?.IsService(argument.GetType()) == true) continue;
                if (Validate(argument) is { Count: > 0 } errors)
                    return ValueTask.FromResult<object?>(TypedResults.ValidationProblem(errors, title: "请求数据有误", detail: errors.First().Value[0]));
            }
            return next(context);
        }
    }

    /// <summary>
    /// The same rules for page forms: a bound model (or handler argument) that breaks them is answered with 400 and the
    /// message naming the field, before the handler runs; the browser's Back keeps what was typed.
    /// </summary>
    public sealed class PageFilter : IAsyncPageFilter
    {
        public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

        public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
        {
            if (!HttpMethods.IsGet(context.HttpContext.Request.Method) && FirstError(context) is { } error)
            {
                context.Result = new ContentResult
                {
                    StatusCode = StatusCodes.Status400BadRequest,
                    ContentType = "text/html; charset=utf-8",
                    // Field names are code: a person reads the field's label where it has one, else just the rule.
                    Content = Problems.ErrorPageHtml(Label(context.HandlerInstance.GetType(), error.Field) is { } label ? $"“{label}”{error.Message}" : $"填写的内容{error.Message}"),
                };
                return;
            }
            await next();
        }

        /// <summary>The [Display(Name)] of a form field ("Input.Title" → the Title property of Input), if it has one.</summary>
        private static string? Label(Type model, string field)
        {
            PropertyInfo? property = null;
            foreach (var part in field.Split('.'))
            {
                property = model.GetProperty(part.Split('[')[0], BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
                if (property is null) return null;
                model = property.PropertyType;
            }
            return property?.GetCustomAttribute<System.ComponentModel.DataAnnotations.DisplayAttribute>()?.GetName();
        }

        private static (string Field, string Message)? FirstError(PageHandlerExecutingContext context)
        {
            // Text: every value the request carried, under its form name.
            foreach (var (key, entry) in context.ModelState)
                if (entry.AttemptedValue is { } value && HasControlCharacter(value))
                    return (key, ControlCharacterMessage);
            // A date that does not exist (2026-13-45) binds as nothing: said as such, not later as "请填写…" by the step.
            foreach (var (key, entry) in context.ModelState)
                if (entry.ValidationState == Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid
                    && !string.IsNullOrWhiteSpace(entry.AttemptedValue) && IsDate(TargetType(context, key)))
                    return (key, InvalidDateMessage(entry.AttemptedValue));
            // Dates and enums: the bound values of the forms that were posted. A page has several forms, and the objects
            // of those not posted stay empty; a posted one whose enum or date was left out binds a value that is no choice.
            var posted = context.ModelState.Keys.Select(k => k.Split('.', '[')[0]).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var model = context.HandlerInstance;
            foreach (var p in model.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance)
                         .Where(p => posted.Contains(p.Name) && (p.GetCustomAttribute<BindPropertyAttribute>() is not null
                                     || p.DeclaringType?.GetCustomAttribute<BindPropertiesAttribute>() is not null)))
                if (Check(p.Name, p.GetValue(model)) is { } e) return e;
            foreach (var (name, value) in context.HandlerArguments)
                if (posted.Contains(name) && Check(name, value) is { } e) return e;
            return null;
        }

        /// <summary>The type a form field binds to: a property of the page model (Input.PublishedOn) or a handler's parameter.</summary>
        private static Type? TargetType(PageHandlerExecutingContext context, string key)
        {
            Type? type = context.HandlerInstance.GetType();
            foreach (var part in key.Split('.'))
            {
                var property = type?.GetProperty(part.Split('[')[0], BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
                if (property is null) { type = null; break; }
                type = property.PropertyType;
            }
            return type ?? context.HandlerMethod?.Parameters.FirstOrDefault(p => string.Equals(p.Name, key, StringComparison.OrdinalIgnoreCase))?.ParameterType;
        }

        private static bool IsDate(Type? type) => (Nullable.GetUnderlyingType(type ?? typeof(object)) ?? type) is { } t
            && (t == typeof(DateOnly) || t == typeof(DateTime) || t == typeof(DateTimeOffset));

        private static (string Field, string Message)? Check(string name, object? value)
        {
            if (value is null) return null;
            // A bound scalar is checked as the one property of a request: the same rules, the form field's name.
            var request = IsRequestType(value.GetType());
            var errors = Validate(request ? value : new Scalar(value), annotations: false);
            if (errors.Count == 0) return null;
            var (key, messages) = errors.First();
            return (request ? Join(name, key) : name, messages[0]);
        }
    }

    private sealed record Scalar(object Value);
}

/// <summary>The plausible dates of a request field where the default range (1949-10-01 to 2100-12-31) is not right.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class PlausibleDatesAttribute(string earliest, string latest) : Attribute
{
    public DateOnly Earliest { get; } = DateOnly.Parse(earliest, System.Globalization.CultureInfo.InvariantCulture);
    public DateOnly Latest { get; } = DateOnly.Parse(latest, System.Globalization.CultureInfo.InvariantCulture);
}
