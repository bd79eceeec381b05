using TwoFactorDemo.Tests.Infrastructure;
using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace TwoFactorDemo.Tests.Unit;

/// <summary>
/// Issue 14: the layout the README promises, checked on the source. A method is one folder under Methods/: nothing
/// outside it names one of its types, folders do not depend on each other in circles, and nothing depends on Hosting
/// (the composition root). A folder's dependencies are read from its namespaces (which follow the folders): its
/// <c>using TwoFactorDemo.Web.X</c> lines and fully qualified names.
/// </summary>
public partial class StructureTests(ITestOutputHelper output)
{
    private static readonly string Source = Path.Combine(Repository.Root, "src", "TwoFactorDemo.Web");

    [Fact]
    public void Nothing_outside_a_method_folder_names_one_of_its_types()
    {
        var typesByMethod = SourceFiles(".cs")
            .Where(f => MethodFolder(f.Folder) is not null)
            .GroupBy(f => MethodFolder(f.Folder)!)
            .ToDictionary(g => g.Key, g => g.SelectMany(f => PublicTypeDeclaration().Matches(f.Text).Select(m => m.Groups[1].Value)).ToHashSet());
        Assert.Equal(["EmailLink", "Passkeys", "RecoveryCodes", "Sms", "Totp", "Typing"], typesByMethod.Keys.Order().ToArray());

        var offences = new List<string>();
        foreach (var file in SourceFiles(".cs", ".cshtml"))
        {
            var text = UsingLine().Replace(file.Text, "");
            foreach (var (method, types) in typesByMethod.Where(m => m.Key != MethodFolder(file.Folder)))
            {
                offences.AddRange(types.Where(t => Regex.IsMatch(text, $@"\b{t}\b")).Select(t => $"{file.Path} names {method}'s {t}"));
            }
        }
        Assert.Empty(offences);
    }

    [Fact]
    public void Folders_do_not_depend_on_each_other_in_circles_and_nothing_depends_on_Hosting()
    {
        var graph = DependencyGraph();
        foreach (var (folder, uses) in graph.OrderBy(g => g.Key))
        {
            output.WriteLine($"{folder} -> {string.Join(", ", uses.Order())}");
        }

        Assert.Empty(graph.Where(g => g.Key != "Hosting" && g.Value.Contains("Hosting")).Select(g => g.Key));
        Assert.Empty(Cycles(graph));
    }

    /// <summary>The check itself can fail: a made-up edge back from Methods to SignIn is reported as a cycle.</summary>
    [Fact]
    public void The_cycle_check_finds_a_cycle_when_there_is_one()
    {
        var graph = DependencyGraph();
        graph["Methods"].Add("SignIn");

        Assert.Contains(Cycles(graph), cycle => cycle.Contains("Methods") && cycle.Contains("SignIn"));
    }

    private static Dictionary<string, HashSet<string>> DependencyGraph()
    {
        var graph = new Dictionary<string, HashSet<string>>();
        foreach (var file in SourceFiles(".cs"))
        {
            if (NamespaceDeclaration().Match(file.Text) is not { Success: true } declared)
            {
                continue;
            }
            var from = Node(declared.Groups[1].Value);
            var uses = graph.TryGetValue(from, out var set) ? set : graph[from] = [];
            foreach (Match reference in NamespaceReference().Matches(file.Text))
            {
                if (Node(reference.Groups[1].Value) is var to && to != from)
                {
                    uses.Add(to);
                }
            }
            if (from.StartsWith("Methods/", StringComparison.Ordinal))
            {
                uses.Add("Methods"); // a method folder sees the contract in its parent namespace without a using
            }
        }
        return graph;
    }

    /// <summary>Strongly connected components with more than one folder (Tarjan).</summary>
    private static List<List<string>> Cycles(Dictionary<string, HashSet<string>> graph)
    {
        var index = new Dictionary<string, int>();
        var low = new Dictionary<string, int>();
        var stack = new Stack<string>();
        var cycles = new List<List<string>>();
        void Visit(string node)
        {
            index[node] = low[node] = index.Count;
            stack.Push(node);
            foreach (var next in graph.GetValueOrDefault(node) ?? [])
            {
                if (!index.TryGetValue(next, out var seen))
                {
                    Visit(next);
                    low[node] = Math.Min(low[node], low[next]);
                }
                else if (stack.Contains(next))
                {
                    low[node] = Math.Min(low[node], seen);
                }
            }
            if (low[node] == index[node])
            {
                var component = new List<string>();
                string popped;
                do
                {
                    popped = stack.Pop();
                    component.Add(popped);
                }
                while (popped != node);
                if (component.Count > 1)
                {
                    cycles.Add(component);
                }
            }
        }
        foreach (var node in graph.Keys.ToList().Where(n => !index.ContainsKey(n)))
        {
            Visit(node);
        }
        return cycles;
    }

    /// <summary><c>TwoFactorDemo.Web.Methods.Sms.X</c> → <c>Methods/Sms</c>; <c>TwoFactorDemo.Web.SignIn</c> → <c>SignIn</c>.</summary>
    private static string Node(string ns)
    {
        var parts = ns.Split('.').Skip(2).ToArray();
        return parts switch
        {
            [] => "(root)",
            ["Methods", var method, ..] when char.IsUpper(method[0]) && Directory.Exists(Path.Combine(Source, "Methods", method)) => $"Methods/{method}",
            [var folder, ..] => folder,
        };
    }

    private static string? MethodFolder(string folder) =>
        folder.Split('/') is ["Methods", var method, ..] ? method : null;

    private static IEnumerable<(string Path, string Folder, string Text)> SourceFiles(params string[] extensions) =>
        Directory.EnumerateFiles(Source, "*", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(Source, path).Replace('\\', '/'))
            .Where(path => extensions.Any(path.EndsWith) && !path.StartsWith("obj/") && !path.StartsWith("bin/")
                && !path.StartsWith("Data/Migrations/"))
            .Select(path => (path, Path.GetDirectoryName(path)!.Replace('\\', '/'), File.ReadAllText(Path.Combine(Source, path))));

    [GeneratedRegex(@"^\s*public\s+(?:\w+\s+)*?(?:class|record|interface|enum|struct)\s+(\w+)", RegexOptions.Multiline)]
    private static partial Regex PublicTypeDeclaration();

    [GeneratedRegex(@"^\s*@?using\s+[\w.]+;?\s*$", RegexOptions.Multiline)]
    private static partial Regex UsingLine();

    [GeneratedRegex(@"^namespace ([\w.]+);", RegexOptions.Multiline)]
    private static partial Regex NamespaceDeclaration();

    [GeneratedRegex(@"\b(TwoFactorDemo\.Web(?:\.[A-Z]\w*)*)")]
    private static partial Regex NamespaceReference();
}
