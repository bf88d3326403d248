// `mctpkit completion bash|zsh|fish`: shell completion for the commands, their options, link
// names, layer names in craft expressions and field names for -Y/-e. The lists come from the
// registry when the script is made, so layers of plugins loaded then are included.

#include <fmt/format.h>

#include <iostream>
#include <set>

#include "commands.hpp"
#include "mctpkit/builtin/builtin.hpp"
#include "mctpkit/output/filter.hpp"

namespace mctpkit::cli {

namespace {

struct Words {
  std::vector<std::string> commands;
  std::vector<std::string> links;
  std::vector<std::string> layers;
  std::vector<std::string> fields;
};

Words collect(const CLI::App& root) {
  Words w;
  for (const CLI::App* sub : root.get_subcommands({})) {
    w.commands.push_back(sub->get_name());
    for (const std::string& alias : sub->get_aliases()) w.commands.push_back(alias);
  }
  const Registry& registry = default_registry();
  for (const LinkDef& l : registry.links()) w.links.emplace_back(l.name);
  std::set<std::string> layers{"raw"};
  for (const LayerDef* d : registry.layers()) layers.insert(std::string(d->name_for_craft()));
  w.layers.assign(layers.begin(), layers.end());
  w.fields = output::filter_names(registry);
  for (std::string_view pseudo : {"frame.message_frames", "mctp.response_in", "mctp.response_to", "mctp.response_time",
                                  "mctp.request_command"}) {
    w.fields.emplace_back(pseudo);
  }
  // frame.number, frame.time ... and the _diag names of filters.
  for (std::string& name : output::packet_filter_names()) w.fields.push_back(std::move(name));
  return w;
}

std::string joined(const std::vector<std::string>& words) {
  std::string out;
  for (const std::string& w : words) out += (out.empty() ? "" : " ") + w;
  return out;
}

std::string bash_script(const Words& w) {
  return fmt::format(R"SH(# bash completion for mctpkit (made by 'mctpkit completion bash')
_mctpkit() {{
  local cur prev
  cur="${{COMP_WORDS[COMP_CWORD]}}"
  prev="${{COMP_WORDS[COMP_CWORD-1]}}"
  local commands="{}"
  local links="{}"
  local layers="{}"
  local fields="{}"
  if [ "$COMP_CWORD" -eq 1 ]; then
    COMPREPLY=($(compgen -W "$commands --help --version" -- "$cur"))
    return
  fi
  case "$prev" in
    -l|--link) COMPREPLY=($(compgen -W "$links" -- "$cur")); return ;;
    -e|--field) COMPREPLY=($(compgen -W "$fields" -- "$cur")); return ;;
    -Y|--filter) COMPREPLY=($(compgen -W "$fields" -- "${{cur##* }}")); return ;;
    -r|--read|-w|--write|--replay|--config) COMPREPLY=($(compgen -f -- "$cur")); return ;;
    -T|--format) COMPREPLY=($(compgen -W "summary json fields" -- "$cur")); return ;;
  esac
  if [ "${{COMP_WORDS[1]}}" = craft ] && [[ "$cur" != -* ]]; then
    local head="${{cur%/*}}"
    if [ "$head" = "$cur" ]; then head=""; else head="$head/"; fi
    COMPREPLY=($(compgen -P "$head" -W "$layers" -- "${{cur##*/}}"))
    compopt -o nospace 2>/dev/null
    return
  fi
  if [[ "$cur" == -* ]]; then
    COMPREPLY=($(compgen -W "$(mctpkit "${{COMP_WORDS[1]}}" --help 2>/dev/null | grep -o -- '--\?[A-Za-z][A-Za-z-]*' | sort -u)" -- "$cur"))
    return
  fi
  COMPREPLY=($(compgen -f -- "$cur"))
}}
complete -F _mctpkit mctpkit
)SH",
                     joined(w.commands), joined(w.links), joined(w.layers), joined(w.fields));
}

std::string fish_script(const Words& w) {
  std::string out = "# fish completion for mctpkit (made by 'mctpkit completion fish')\n";
  out += fmt::format("complete -c mctpkit -f -n '__fish_use_subcommand' -a '{}'\n", joined(w.commands));
  out += fmt::format("complete -c mctpkit -s l -l link -x -a '{}' -d 'link the bytes start with'\n", joined(w.links));
  out += fmt::format("complete -c mctpkit -s e -l field -x -a '{}' -d 'field to print'\n", joined(w.fields));
  out += fmt::format("complete -c mctpkit -s Y -l filter -x -a '{}' -d 'display filter'\n", joined(w.fields));
  out += "complete -c mctpkit -s T -l format -x -a 'summary json fields'\n";
  out += fmt::format("complete -c mctpkit -n '__fish_seen_subcommand_from craft' -f -a '{}' -d layer\n", joined(w.layers));
  return out;
}

std::string zsh_script(const Words& w) {
  // zsh runs the bash function through its bash-completion layer.
  return "#compdef mctpkit\n# zsh completion for mctpkit (made by 'mctpkit completion zsh')\n"
         "autoload -U +X bashcompinit && bashcompinit\n" +
         bash_script(w);
}

}  // namespace

Runner add_completion_command(CLI::App& app) {
  auto shell = std::make_shared<std::string>();
  CLI::App* cmd = app.add_subcommand("completion", "Print a shell completion script (bash, zsh or fish)");
  cmd->footer(
      "Install, for example:\n"
      "  mctpkit completion bash > ~/.local/share/bash-completion/completions/mctpkit\n"
      "  mctpkit completion zsh > \"${fpath[1]}/_mctpkit\"\n"
      "  mctpkit completion fish > ~/.config/fish/completions/mctpkit.fish\n"
      "Commands, links, layer names (craft) and field names (-Y, -e) complete.");
  cmd->add_option("shell", *shell, "bash, zsh or fish")->required()->check(CLI::IsMember({"bash", "zsh", "fish"}));
  CLI::App* root = &app;
  return [shell, root] {
    const Words words = collect(*root);
    std::cout << (*shell == "bash" ? bash_script(words) : *shell == "zsh" ? zsh_script(words) : fish_script(words));
    std::cout.flush();
    return std::cout ? kOk : kCannotOpen;
  };
}

}  // namespace mctpkit::cli
