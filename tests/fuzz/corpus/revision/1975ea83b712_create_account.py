"""create account table

Revision ID: 1975ea83b712
Revises: 
Create Date: 2011-11-08 11:40:27.089406

"""
# -*- coding: utf-8 -*-
revision = '1975ea83b712'
down_revision = None
branch_labels = ('accounts',)
depends_on = None

from alembic import op
import sqlalchemy as sa


def upgrade():
    op.create_table('account', sa.Column('id', sa.Integer, primary_key=True))


def downgrade():
    op.drop_table('account')
