# bash completion for hiplan                                 -*- shell-script -*-
# Installed as `hiplan` in bash-completion's completions folder. The commands, options and
# fixed values follow `hiplan --help` and `hiplan COMMAND --help`: CTest's
# install.completion fails when a command, a long option or a value listed there
# ({a,b,c}) is missing here.

# The reporting rounds around this year: YYYY-spring and YYYY-autumn.
_hiplan_rounds() {
    local year
    year=$(date +%Y)
    local y
    for y in $((year - 1)) "$year" $((year + 1)); do
        printf '%s\n' "$y-spring" "$y-autumn"
    done
}

# Rule codes and names, as `hiplan rules` lists them (for --ignore and explain).
_hiplan_rules() {
    "$1" rules 2>/dev/null | while read -r code name _; do
        [[ $code == HP* ]] && printf '%s\n%s\n' "$code" "$name"
    done
}

_hiplan() {
    local cur prev words cword split=false
    if declare -F _init_completion >/dev/null; then
        _init_completion -s || return
    else
        # Without bash-completion: readline splits --option=value at '='.
        COMPREPLY=()
        words=("${COMP_WORDS[@]}")
        cword=$COMP_CWORD
        cur=${words[cword]}
        prev=${words[cword - 1]}
        if [[ $cur == = ]]; then
            cur=
            split=true
        elif [[ $prev == = && $cword -ge 2 ]]; then
            prev=${words[cword - 2]}
            split=true
        fi
    fi

    local commands="lint compile report schema rules explain init"
    local command="" i
    for ((i = 1; i < cword; i++)); do
        if [[ ${words[i]} != -* && ${words[i]} != = ]]; then
            command=${words[i]}
            break
        fi
    done

    local input="--framework --color -j --jobs --max-file-size"
    local round="--round --framework-id --generated --force --ignore $input"
    local options
    case $command in
        "") options="-h --help --version" ;;
        lint) options="-h --help $input -f --format --output-file --ignore --strict -q --quiet
                       --statistics" ;;
        compile) options="-h --help -o --output --tables-up-to $round" ;;
        report) options="-h --help -o --output --format --group --template $round" ;;
        schema) options="-h --help --kind --framework --editor --write-all" ;;
        rules) options="-h --help --format" ;;
        explain) options="-h --help" ;;
        init) options="-h --help --kind --submitter --cycle --framework --from --date --schema
                       -o --output --force" ;;
        *) return ;;
    esac

    # The value of an option.
    local values="" files=false dirs=false
    case $prev in
        --color) values="auto always never" ;;
        -f | --format)
            case $command in
                lint) values="text json sarif github junit" ;;
                report) values="html markdown json" ;;
                rules) values="text markdown" ;;
            esac
            ;;
        --group) values="organisation ilp cpg" ;;
        --kind)
            case $command in
                schema) values="template feedback framework" ;;
                init) values="template feedback" ;;
            esac
            ;;
        --round) values=$(_hiplan_rounds) ;;
        --framework)
            # schema and init take a built-in framework's id too.
            [[ $command == schema || $command == init ]] &&
                values="one-gloucestershire leeds-thig"
            files=true
            ;;
        --ignore) values=$(_hiplan_rules "${words[0]}") ;;
        --cycle)
            local year
            year=$(date +%Y)
            values="$((year - 1))-$(printf '%02d' $((year % 100))) $year-$(printf '%02d' $(((year + 1) % 100)))"
            ;;
        --date | --generated) values=$(date +%F) ;;
        --output-file)
            if [[ $cur == *=* ]]; then
                local IFS=$'\n'
                COMPREPLY=($(compgen -f -P "${cur%%=*}=" -- "${cur#*=}"))
            else
                COMPREPLY=($(compgen -S = -W "text json sarif github junit" -- "$cur"))
                compopt -o nospace 2>/dev/null
            fi
            return
            ;;
        -o | --output | --template | --from | --schema) files=true ;;
        --write-all) dirs=true ;;
        -j | --jobs | --max-file-size | --tables-up-to | --submitter | --framework-id) return ;;
    esac
    if [[ -n $values || $files == true || $dirs == true ]]; then
        COMPREPLY=($(compgen -W "$values" -- "$cur"))
        local IFS=$'\n'
        if [[ $files == true ]]; then
            COMPREPLY+=($(compgen -f -- "$cur"))
        elif [[ $dirs == true ]]; then
            COMPREPLY+=($(compgen -d -- "$cur"))
        fi
        [[ $files == true || $dirs == true ]] && compopt -o filenames 2>/dev/null
        return
    fi
    [[ $split == true ]] && return

    if [[ $cur == -* || -z $command ]]; then
        if [[ -z $command && $cur != -* ]]; then
            COMPREPLY=($(compgen -W "$commands" -- "$cur"))
        else
            COMPREPLY=($(compgen -W "$options" -- "$cur"))
        fi
        return
    fi
    # The arguments: files and folders, or a rule.
    case $command in
        lint | compile | report)
            local IFS=$'\n'
            COMPREPLY=($(compgen -f -- "$cur"))
            compopt -o filenames 2>/dev/null
            ;;
        explain)
            COMPREPLY=($(compgen -W "$(_hiplan_rules "${words[0]}")" -- "$cur"))
            ;;
    esac
} &&
    complete -F _hiplan hiplan
