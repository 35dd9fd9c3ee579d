package org.teleris.anonymizer.interfaces;

import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.teleris.anonymizer.domain.AttributeAction;
import org.teleris.anonymizer.domain.BatchReport;

/**
 * A small JSON writer for the report records (records, lists, maps, enums, strings, numbers, booleans). Reports
 * hold only codes, tag paths and rectangles, so no general-purpose JSON library is needed for them.
 */
public final class Json {

    /** getRecordComponents() copies and checks on every call; a batch report has tens of thousands of records. */
    private static final ClassValue<RecordComponent[]> COMPONENTS = new ClassValue<>() {
        @Override
        protected RecordComponent[] computeValue(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            for (RecordComponent rc : components) {
                rc.getAccessor().setAccessible(true);
            }
            return components;
        }
    };

    private Json() {
    }

    /**
     * A batch report with thousands of per-attribute actions: entries are serialised in parallel (each is
     * independent) and joined, which keeps report writing off the critical path of a large CLI run.
     */
    public static String writeBatch(BatchReport report) {
        return writeBatch(report, report.files().parallelStream().map(Json::entry).toList());
    }

    /** One file's entry of a batch report, as {@link #writeBatch(BatchReport, List)} joins them. */
    public static String entry(BatchReport.Entry e) {
        StringBuilder sb = new StringBuilder("\n    ");
        write(e, sb, 2);
        return sb.toString();
    }

    /**
     * The batch report with its entries already rendered by {@link #entry} (e.g. by the workers, as each file
     * finished), in the order of {@code report.files()}.
     */
    public static String writeBatch(BatchReport report, List<String> entries) {
        Map<String, Object> head = new java.util.LinkedHashMap<>();
        head.put("profileName", report.profileName());
        head.put("profileVersion", report.profileVersion());
        head.put("options", report.options());
        head.put("verifyOnly", report.verifyOnly());
        head.put("total", report.total());
        head.put("passed", report.passed());
        head.put("rejected", report.rejected());
        StringBuilder out = new StringBuilder();
        write(head, out, 0);
        out.setLength(out.length() - 2); // reopen the object: drop "\n}"
        out.append(",\n  \"files\": [");
        out.append(String.join(",", entries));
        return out.append(entries.isEmpty() ? "]\n}\n" : "\n  ]\n}\n").toString();
    }

    public static String write(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, out, 0);
        return out.append('\n').toString();
    }

    private static void write(Object v, StringBuilder out, int indent) {
        if (v == null) {
            out.append("null");
        } else if (v instanceof String s) {
            string(s, out);
        } else if (v instanceof Number || v instanceof Boolean) {
            out.append(v);
        } else if (v instanceof Enum<?> e) {
            string(e.name(), out);
        } else if (v instanceof Map<?, ?> m) {
            object(out, indent, m.entrySet().stream().map(e -> Map.entry(String.valueOf(e.getKey()), (Object) e.getValue())).toList());
        } else if (v instanceof Collection<?> c) {
            array(c, out, indent);
        } else if (v instanceof AttributeAction a) {
            // tens of thousands per batch: written directly, not through reflective accessors
            object(out, indent, List.of(field("tagPath", a.tagPath()), field("action", a.action()), field("rule", a.rule())));
        } else if (v instanceof Record) { // a type check, where Class.isRecord() is a native call per value
            java.util.List<Map.Entry<String, Object>> fields = new java.util.ArrayList<>();
            for (RecordComponent rc : COMPONENTS.get(v.getClass())) {
                try {
                    fields.add(new java.util.AbstractMap.SimpleEntry<>(rc.getName(), rc.getAccessor().invoke(v)));
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("cannot read report field " + rc.getName(), e);
                }
            }
            object(out, indent, fields);
        } else {
            string(v.toString(), out);
        }
    }

    private static Map.Entry<String, Object> field(String name, Object value) {
        return new java.util.AbstractMap.SimpleEntry<>(name, value);
    }

    private static void object(StringBuilder out, int indent, java.util.List<Map.Entry<String, Object>> fields) {
        out.append('{');
        boolean first = true;
        for (Map.Entry<String, Object> f : fields) {
            out.append(first ? "\n" : ",\n").append(indent(indent + 1));
            string(f.getKey(), out);
            out.append(": ");
            write(f.getValue(), out, indent + 1);
            first = false;
        }
        out.append(first ? "}" : "\n" + indent(indent) + "}");
    }

    private static void array(Collection<?> c, StringBuilder out, int indent) {
        if (c.isEmpty()) {
            out.append("[]");
            return;
        }
        boolean scalars = true;
        for (Object x : c) {
            scalars &= x == null || x instanceof String || x instanceof Number || x instanceof Enum;
        }
        out.append('[');
        boolean first = true;
        for (Object x : c) {
            out.append(first ? "" : ",");
            if (!scalars) {
                out.append('\n').append(indent(indent + 1));
            } else if (!first) {
                out.append(' ');
            }
            write(x, out, indent + 1);
            first = false;
        }
        out.append(scalars ? "]" : "\n" + indent(indent) + "]");
    }

    private static final String[] INDENTS = {"", "  ", "    ", "      ", "        ", "          ", "            "};

    private static String indent(int level) {
        return level < INDENTS.length ? INDENTS[level] : "  ".repeat(level);
    }

    private static void string(String s, StringBuilder out) {
        out.append('"');
        if (plain(s)) { // tag paths, codes and rules: nothing to escape, append in one go
            out.append(s).append('"');
            return;
        }
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (ch < 0x20) {
                        out.append(String.format("\\u%04x", (int) ch));
                    } else {
                        out.append(ch);
                    }
                }
            }
        }
        out.append('"');
    }

    private static boolean plain(String s) {
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch < 0x20 || ch == '"' || ch == '\\') {
                return false;
            }
        }
        return true;
    }
}
