using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace TwoFactorDemo.Tests.Infrastructure;

/// <summary>The repository the tests run from: its root, its resource files, and the resource keys its code uses.</summary>
public static partial class Repository
{
    public static readonly string Root = FindRoot();

    /// <summary>A .resx file's strings, name to value.</summary>
    public static Dictionary<string, string> ReadResx(string path) =>
        XDocument.Load(path).Root!.Elements("data").ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "");

    /// <summary>
    /// Every key the code localizes: <c>L["…"]</c> in views, <c>T["…"]</c> in code, <c>TextKey.Of("…")</c>, and the
    /// data-annotation ErrorMessage/Name/Prompt strings (not in <c>*Options.cs</c>: those messages are for operators).
    /// </summary>
    public static HashSet<string> KeysUsedInCode(string folder)
    {
        var keys = new HashSet<string>();
        var files = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Where(f => (f.EndsWith(".cs") || f.EndsWith(".cshtml")) && !f.EndsWith("Options.cs"))
            .Where(f => !Path.GetRelativePath(folder, f).Replace('\\', '/').Split('/').Any(part => part is "bin" or "obj" or "Migrations"));
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            foreach (var pattern in new[] { Localized(), Marked(), Annotation() })
            {
                keys.UnionWith(pattern.Matches(text).Select(m => Regex.Replace(m.Groups[1].Value, @"\\(.)", e => e.Groups[1].Value switch { "n" => "\n", "t" => "\t", var c => c })));
            }
        }
        return keys;
    }

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "TwoFactorDemo.sln")))
        {
            directory = directory.Parent;
        }
        return directory?.FullName ?? throw new InvalidOperationException("TwoFactorDemo.sln not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"\b[LT]\[\s*""((?:[^""\\]|\\.)*)""")]
    private static partial Regex Localized();

    [GeneratedRegex(@"\bTextKey\.Of\(\s*""((?:[^""\\]|\\.)*)""")]
    private static partial Regex Marked();

    [GeneratedRegex(@"\b(?:ErrorMessage|Name|Prompt)\s*=\s*""((?:[^""\\]|\\.)*)""(?=[^\]]*\)\])")]
    private static partial Regex Annotation();
}
