"""Guide bodies may hold a podcast teaser block (guides.blocks.PodcastTeaserBlock)."""

import wagtail.fields
from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('guides', '0003_review_fields'),
    ]

    operations = [
        migrations.AlterField(
            model_name='guidepage',
            name='body',
            field=wagtail.fields.StreamField([('key_points', 2), ('heading', 5), ('rich_text', 6), ('question_list', 10), ('checklist', 13), ('tip', 16), ('quote', 19), ('guide_link', 22), ('podcast_teaser', 25)], blank=True, block_lookup={0: ('wagtail.blocks.CharBlock', (), {'label': 'Punkt', 'max_length': 300}), 1: ('wagtail.blocks.ListBlock', (0,), {'label': 'Punkter'}), 2: ('wagtail.blocks.StructBlock', [[('points', 1)]], {}), 3: ('wagtail.blocks.CharBlock', (), {'label': 'Rubrik', 'max_length': 200}), 4: ('wagtail.blocks.ChoiceBlock', [], {'choices': [('h2', 'Rubrik 2'), ('h3', 'Rubrik 3')], 'label': 'Nivå'}), 5: ('wagtail.blocks.StructBlock', [[('text', 3), ('level', 4)]], {}), 6: ('wagtail.blocks.RichTextBlock', (), {'features': ['bold', 'italic', 'link', 'ol', 'ul', 'h4'], 'label': 'Text', 'template': 'guides/blocks/rich_text.html'}), 7: ('wagtail.blocks.CharBlock', (), {'label': 'Rubrik', 'max_length': 200, 'required': False}), 8: ('wagtail.blocks.CharBlock', (), {'label': 'Fråga', 'max_length': 500}), 9: ('wagtail.blocks.ListBlock', (8,), {'label': 'Frågor'}), 10: ('wagtail.blocks.StructBlock', [[('title', 7), ('questions', 9)]], {}), 11: ('wagtail.blocks.CharBlock', (), {'label': 'Punkt', 'max_length': 500}), 12: ('wagtail.blocks.ListBlock', (11,), {'label': 'Punkter'}), 13: ('wagtail.blocks.StructBlock', [[('title', 7), ('items', 12)]], {}), 14: ('wagtail.blocks.CharBlock', (), {'default': 'Tips', 'label': 'Rubrik', 'max_length': 100}), 15: ('wagtail.blocks.RichTextBlock', (), {'features': ['bold', 'italic', 'link'], 'label': 'Text'}), 16: ('wagtail.blocks.StructBlock', [[('title', 14), ('text', 15)]], {}), 17: ('wagtail.blocks.TextBlock', (), {'label': 'Citat'}), 18: ('wagtail.blocks.CharBlock', (), {'label': 'Källa', 'max_length': 200, 'required': False}), 19: ('wagtail.blocks.StructBlock', [[('text', 17), ('attribution', 18)]], {}), 20: ('wagtail.blocks.PageChooserBlock', (), {'label': 'Guide', 'page_type': ['guides.GuidePage']}), 21: ('wagtail.blocks.CharBlock', (), {'label': 'Länktext', 'max_length': 200, 'required': False}), 22: ('wagtail.blocks.StructBlock', [[('page', 20), ('text', 21)]], {}), 23: ('wagtail.blocks.PageChooserBlock', (), {'label': 'Avsnitt', 'page_type': ['podcasts.EpisodePage']}), 24: ('wagtail.blocks.CharBlock', (), {'default': 'Lyssna på podden', 'label': 'Rubrik', 'max_length': 100, 'required': False}), 25: ('wagtail.blocks.StructBlock', [[('episode', 23), ('heading', 24)]], {})}, verbose_name='innehåll'),
        ),
    ]
