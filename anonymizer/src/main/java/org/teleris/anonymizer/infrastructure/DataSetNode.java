package org.teleris.anonymizer.infrastructure;

import java.util.ArrayList;
import java.util.List;
import org.teleris.anonymizer.domain.EditableDataSet;
import org.teleris.anonymizer.domain.Tag;

/** A data set read by {@link DataSetReader}: its elements in tag order, all sharing one character set. */
final class DataSetNode implements EditableDataSet {

    private final List<ElementNode> elements;
    private final ElementNode.TextCodec codec;

    DataSetNode(List<ElementNode> elements, ElementNode.TextCodec codec) {
        this.elements = elements;
        this.codec = codec;
    }

    @Override
    public List<ElementNode> elements() {
        return new ArrayList<>(elements);
    }

    /** The elements themselves, for the writer. */
    List<ElementNode> inOrder() {
        return elements;
    }

    ElementNode get(Tag tag) {
        int i = indexOf(tag);
        return i >= 0 ? elements.get(i) : null;
    }

    @Override
    public String privateCreatorOf(Tag tag) {
        if (!tag.isPrivate()) {
            return null;
        }
        ElementNode creator = get(tag.isPrivateCreator() ? tag : tag.privateCreatorSlot());
        if (creator == null) {
            return tag.isPrivateCreator() ? "" : null;
        }
        return creator.firstValueTrimmed();
    }

    @Override
    public void remove(Tag tag) {
        int i = indexOf(tag);
        if (i >= 0) {
            elements.remove(i);
        }
    }

    @Override
    public void putEmptySequence(Tag tag) {
        put(ElementNode.sequence(tag, codec, new ArrayList<>()));
    }

    @Override
    public void putText(TextElement e) {
        put(text(e));
    }

    @Override
    public void putSequence(Tag tag, List<List<TextElement>> items) {
        List<DataSetNode> nodes = new ArrayList<>();
        for (List<TextElement> item : items) {
            List<ElementNode> itemElements = new ArrayList<>();
            item.forEach(e -> itemElements.add(text(e)));
            itemElements.sort((x, y) -> x.tag().compareTo(y.tag()));
            nodes.add(new DataSetNode(itemElements, codec));
        }
        put(ElementNode.sequence(tag, codec, nodes));
    }

    private ElementNode text(TextElement e) {
        return ElementNode.value(e.tag(), e.vr(), codec, ElementNode.encode(e.vr(), e.value(), codec));
    }

    private void put(ElementNode node) {
        int i = indexOf(node.tag());
        if (i >= 0) {
            elements.set(i, node);
        } else {
            elements.add(-i - 1, node);
        }
    }

    /** Binary search by tag: the index, or (-(insertion point) - 1). */
    private int indexOf(Tag tag) {
        int low = 0;
        int high = elements.size() - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            int c = elements.get(mid).tag().compareTo(tag);
            if (c < 0) {
                low = mid + 1;
            } else if (c > 0) {
                high = mid - 1;
            } else {
                return mid;
            }
        }
        return -low - 1;
    }
}
